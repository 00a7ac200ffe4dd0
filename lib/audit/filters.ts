// The audit page's filters, read from the URL. Only filter values and a cursor ever go in the
// URL: ids, action names, dates — never patient data. Pure, so it is unit-tested.

import { z } from 'zod';

import {
  AUDIT_ACTION_VALUES,
  AUDIT_ENTITY_TYPES,
  AUDIT_OUTCOMES,
  type AuditAction,
  type AuditEntityType,
  type AuditOutcomeValue,
} from './event-names';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorId?: string;
  action?: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  outcome?: AuditOutcomeValue;
  /** Inclusive, from 00:00 UTC. */
  from?: Date;
  /** Inclusive: up to the end of that day (UTC). */
  to?: Date;
}

/** Keyset pagination on the event id: older than `before`, or newer than `after`. */
export type AuditCursor = { before: bigint } | { after: bigint } | null;

export type AuditFilterField = 'actor' | 'action' | 'entityType' | 'entityId' | 'outcome' | 'from' | 'to';

export interface ParsedAuditQuery {
  filters: AuditFilters;
  cursor: AuditCursor;
  /** The raw values, to refill the form. */
  values: Partial<Record<AuditFilterField, string>>;
  /** Messages for values that could not be used (that filter is then ignored). */
  errors: Partial<Record<AuditFilterField, string>>;
}

type Params = Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: string): Date | null {
  if (!dayPattern.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

function parseId(value: string): bigint | null {
  return /^\d{1,18}$/.test(value) ? BigInt(value) : null;
}

const uuid = z.uuid();

export function parseAuditQuery(params: Params): ParsedAuditQuery {
  const values: ParsedAuditQuery['values'] = {};
  const errors: ParsedAuditQuery['errors'] = {};
  const filters: AuditFilters = {};

  const actor = first(params, 'actor');
  if (actor) {
    values.actor = actor;
    if (uuid.safeParse(actor).success) filters.actorId = actor;
    else errors.actor = 'Choose a staff member from the list.';
  }
  const action = first(params, 'action');
  if (action) {
    values.action = action;
    if ((AUDIT_ACTION_VALUES as readonly string[]).includes(action)) filters.action = action as AuditAction;
    else errors.action = 'Choose an action from the list.';
  }
  const entityType = first(params, 'entityType');
  if (entityType) {
    values.entityType = entityType;
    if ((AUDIT_ENTITY_TYPES as readonly string[]).includes(entityType))
      filters.entityType = entityType as AuditEntityType;
    else errors.entityType = 'Choose a record type from the list.';
  }
  const entityId = first(params, 'entityId');
  if (entityId) {
    values.entityId = entityId;
    if (entityId.length <= 100) filters.entityId = entityId;
    else errors.entityId = 'A record id has at most 100 characters.';
  }
  const outcome = first(params, 'outcome');
  if (outcome) {
    values.outcome = outcome;
    if ((AUDIT_OUTCOMES as readonly string[]).includes(outcome)) filters.outcome = outcome as AuditOutcomeValue;
    else errors.outcome = 'Choose an outcome from the list.';
  }
  for (const key of ['from', 'to'] as const) {
    const value = first(params, key);
    if (!value) continue;
    values[key] = value;
    const day = parseDay(value);
    if (day) filters[key] = day;
    else errors[key] = 'Enter a date as YYYY-MM-DD.';
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = 'The end date is before the start date.';
    delete filters.to;
  }

  const before = parseId(first(params, 'before'));
  const after = parseId(first(params, 'after'));
  const cursor: AuditCursor = before !== null ? { before } : after !== null ? { after } : null;
  return { filters, cursor, values, errors };
}

/** The URL query for these filter values plus a cursor (for the Older / Newer links). */
export function auditQueryString(
  values: ParsedAuditQuery['values'],
  cursor: { before: bigint } | { after: bigint } | null,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (cursor && 'before' in cursor) params.set('before', cursor.before.toString());
  if (cursor && 'after' in cursor) params.set('after', cursor.after.toString());
  const query = params.toString();
  return query ? `?${query}` : '';
}
