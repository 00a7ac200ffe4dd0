// The session cookie as a browser-session cookie: next-auth 4 always gives it an Expires (the
// session maxAge) and offers no option to leave it out, so the auth route rewrites its Set-Cookie
// headers. Pure and edge-safe. The server-side limits (idle, absolute, revocation) still apply.

/**
 * One Set-Cookie header with Expires and Max-Age removed when it sets `cookieName` (or one of
 * next-auth's ".N" chunks of it) to a value. A deletion (empty value) is left as it is, so sign-out
 * still clears the cookie.
 */
export function toBrowserSessionCookie(header: string, cookieName: string): string {
  const [pair = '', ...attributes] = header.split(';');
  const separator = pair.indexOf('=');
  if (separator < 0) return header;
  const name = pair.slice(0, separator).trim();
  const value = pair.slice(separator + 1).trim();
  const isSessionCookie =
    name === cookieName || (name.startsWith(`${cookieName}.`) && /^\d+$/.test(name.slice(cookieName.length + 1)));
  if (!isSessionCookie || value === '') return header;
  const kept = attributes.filter((attribute) => !/^\s*(expires|max-age)\s*=/i.test(attribute));
  return [pair, ...kept].join(';');
}

/** A copy of `response` whose session cookie headers are browser-session cookies. */
export function withBrowserSessionCookies(response: Response, cookieName: string): Response {
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length === 0) return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  for (const header of setCookies) headers.append('set-cookie', toBrowserSessionCookie(header, cookieName));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
