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
const uuidOrNull = (value: string) => (uuid.safeParse(value).success ? value : null);
const recordIdOrNull = (value: string) => (value.length <= 100 ? value : null);

/** A parser for a value of a fixed list: the value, or null for any other. */
function oneOf<Value extends string>(list: readonly Value[]): (value: string) => Value | null {
  return (value) => list.find((entry) => entry === value) ?? null;
}

export function parseAuditQuery(params: Params): ParsedAuditQuery {
  const values: ParsedAuditQuery['values'] = {};
  const errors: ParsedAuditQuery['errors'] = {};
  const filters: AuditFilters = {};

  /** One filter: its value as typed is kept to refill the form; `set` gets it parsed, or its message is kept. */
  const read = <Parsed>(
    field: AuditFilterField,
    parse: (value: string) => Parsed | null,
    message: string,
    set: (parsed: Parsed) => void,
  ) => {
    const value = first(params, field);
    if (!value) return;
    values[field] = value;
    const parsed = parse(value);
    if (parsed === null) errors[field] = message;
    else set(parsed);
  };

  read('actor', uuidOrNull, 'Choose a staff member from the list.', (id) => (filters.actorId = id));
  read('action', oneOf(AUDIT_ACTION_VALUES), 'Choose an action from the list.', (name) => (filters.action = name));
  read('entityType', oneOf(AUDIT_ENTITY_TYPES), 'Choose a record type from the list.', (type) => {
    filters.entityType = type;
  });
  read('entityId', recordIdOrNull, 'A record id has at most 100 characters.', (id) => (filters.entityId = id));
  read('outcome', oneOf(AUDIT_OUTCOMES), 'Choose an outcome from the list.', (outcome) => (filters.outcome = outcome));
  for (const key of ['from', 'to'] as const)
    read(key, parseDay, 'Enter a date as YYYY-MM-DD.', (day) => (filters[key] = day));
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
