// The session cookie's name and flags, shared by next-auth's options, the proxy and the guards.
// Edge-safe. Secure (and "__Secure-"-prefixed) when the app's public URL is https.

export function usesSecureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? '').startsWith('https://');
}

export function sessionCookieName(env: Record<string, string | undefined> = process.env): string {
  return `${usesSecureCookies(env) ? '__Secure-' : ''}next-auth.session-token`;
}

export function sessionSecret(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.NEXTAUTH_SECRET || env.AUTH_SECRET || undefined;
}
