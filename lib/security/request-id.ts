// The request id the proxy puts on every request (and response), so an audit event, a log line
// and a user's bug report can be matched up. Edge-safe.

export const REQUEST_ID_HEADER = 'x-request-id';
/** The path (and query) of the page being rendered, for the sign-in redirect's callbackUrl. */
export const REQUEST_PATH_HEADER = 'x-intake-path';
export const NONCE_HEADER = 'x-nonce';

export function newRequestId(): string {
  return crypto.randomUUID();
}
