// The request id the proxy puts on every request (and response), so an audit event, a log line
// and a user's bug report can be matched up. Edge-safe.

export const REQUEST_ID_HEADER = 'x-request-id';
/** The path (and query) of the page being rendered, for the sign-in redirect's callbackUrl. */
export const REQUEST_PATH_HEADER = 'x-intake-path';
export const NONCE_HEADER = 'x-nonce';

export function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * The id of the newest response, also as a short-lived cookie the page can read, so an error
 * page can name the request that failed — including a client-side navigation, whose response
 * headers the page never sees. A random id, no session or patient data.
 */
const REQUEST_ID_COOKIE = 'intake.request-id';

export function requestIdCookie(requestId: string, secure: boolean): string {
  return `${REQUEST_ID_COOKIE}=${requestId}; Path=/; Max-Age=300; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The request id in a Cookie header or document.cookie, or null. */
export function readRequestIdCookie(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === REQUEST_ID_COOKIE && value && /^[0-9a-f-]{36}$/i.test(value)) return value;
  }
  return null;
}
