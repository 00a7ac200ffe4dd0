-- Tamper evidence for the audit log (issue 13 item 1): every event carries "prevHash", the hash of
-- the event before it (id order), and "hash" = sha256 of its own canonical form, which includes
-- "prevHash". The canonical form is defined once in SQL here and once in TypeScript
-- (lib/audit/chain.ts); `npm run audit:verify` recomputes it and reports the first broken link.
--
-- Canonical form (UTF-8): 'intake-audit-v1' then, for each field, ';' and either '-' (null) or
-- <byte length>:<text>. Fields, in order: id, at (UTC, YYYY-MM-DDTHH:MM:SS.mmmZ), actorId,
-- action, entityType, entityId, outcome, requestId, ip, userAgent, detail (jsonb text), prevHash.

CREATE FUNCTION audit_chain_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END
$$;

CREATE FUNCTION audit_chain_hash(
  p_id bigint, p_at timestamptz, p_actor uuid, p_action text, p_entity_type text, p_entity_id text,
  p_outcome text, p_request_id text, p_ip text, p_user_agent text, p_detail jsonb, p_prev text
) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    'intake-audit-v1'
      || ';' || audit_chain_field(p_id::text)
      || ';' || audit_chain_field(to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      || ';' || audit_chain_field(p_actor::text)
      || ';' || audit_chain_field(p_action)
      || ';' || audit_chain_field(p_entity_type)
      || ';' || audit_chain_field(p_entity_id)
      || ';' || audit_chain_field(p_outcome)
      || ';' || audit_chain_field(p_request_id)
      || ';' || audit_chain_field(p_ip)
      || ';' || audit_chain_field(p_user_agent)
      || ';' || audit_chain_field(p_detail::text)
      || ';' || audit_chain_field(p_prev),
    'UTF8')), 'hex')
$$;

ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT NOT NULL DEFAULT '';
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT NOT NULL DEFAULT '';

-- Backfill the events written before the chain existed, in id order, from the genesis hash.
ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_or_delete;
DO $$
DECLARE
  previous text := repeat('0', 64);
  e record;
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY id LOOP
    UPDATE "AuditEvent"
       SET "prevHash" = previous,
           "hash" = audit_chain_hash(e.id, e.at, e."actorId", e.action, e."entityType", e."entityId",
                                     e.outcome::text, e."requestId", e.ip, e."userAgent", e.detail, previous)
     WHERE id = e.id
     RETURNING "hash" INTO previous;
  END LOOP;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_or_delete;

ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_hash_format" CHECK ("hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_prevHash_format" CHECK ("prevHash" ~ '^[0-9a-f]{64}$');

-- Links each new event to the last one. The advisory lock (held to the end of the transaction)
-- makes concurrent writers take turns; the id is drawn again under the lock so that id order is
-- the order in which events joined the chain (the default drawn before the lock could be smaller
-- than an id already chained by a transaction that got the lock first). Values the client sends
-- for prevHash and hash are ignored.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('intake.audit_chain'));
  NEW.id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  SELECT "hash" INTO previous FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
  NEW."prevHash" := coalesce(previous, repeat('0', 64));
  NEW."hash" := audit_chain_hash(NEW.id, NEW.at, NEW."actorId", NEW.action, NEW."entityType", NEW."entityId",
                                 NEW.outcome::text, NEW."requestId", NEW.ip, NEW."userAgent", NEW.detail,
                                 NEW."prevHash");
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_event_chain
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
