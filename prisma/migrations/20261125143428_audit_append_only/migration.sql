-- The audit log is append-only at the database level: no role the application uses can change
-- or remove an event once written (HIPAA audit controls; 42 CFR Part 2).
CREATE FUNCTION audit_event_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

-- Emails are compared case-insensitively: the application stores them lower-cased; make sure of it.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_email_lowercase" CHECK (email = lower(email));
