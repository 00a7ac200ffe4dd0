/** The staff member acting on a case, as the guards provide it (StaffSession fits). */
export interface CaseActor {
  readonly id: string;
  readonly role: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and forms; anything that is not a UUID cannot name a row. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
