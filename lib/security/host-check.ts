// Host header check (issue 13 item 3): a web page on another site that points its own DNS name at
// this server (DNS rebinding) reaches it with its own name in `Host`. Requests are served only when
// `Host` names this server: the host of NEXTAUTH_URL, the address it listens on (HOSTNAME), a
// loopback name, or one listed in INTAKE_ALLOWED_HOSTS (comma-separated, e.g.
// "intake.clinic.example,10.0.0.5"). Ports are not compared: a rebinding page cannot choose the
// name, only the port. Edge-safe and pure; proxy.ts answers a mismatch with 421.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const MISDIRECTED_TEXT =
  'Misdirected request: this server does not answer to that host name. Use its configured address (NEXTAUTH_URL), or add the name to INTAKE_ALLOWED_HOSTS.';

/** "Example.org.:3000" → "example.org"; "[::1]:3000" → "[::1]"; null when it is not a host. */
export function hostNameOf(value: string | null | undefined): string | null {
  const text = value?.trim().toLowerCase();
  if (!text) return null;
  let name: string;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) return null;
    name = text.slice(0, end + 1);
    const rest = text.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
  } else {
    const [hostPart = '', port, ...extra] = text.split(':');
    if (extra.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port))) return null;
    name = hostPart.replace(/\.$/, '');
  }
  return /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name) && name !== '' ? name : null;
}

/** The host names this server answers to, from the environment. */
export function allowedHostNames(env: Record<string, string | undefined> = process.env): Set<string> {
  const names = new Set(LOOPBACK_HOSTS);
  const add = (value: string | null) => {
    if (value) names.add(value);
  };
  if (env.NEXTAUTH_URL) {
    try {
      add(hostNameOf(new URL(env.NEXTAUTH_URL).host));
    } catch {
      // an invalid NEXTAUTH_URL allows nothing extra
    }
  }
  // The listen address; 0.0.0.0/:: mean "every interface", which names no host.
  const listen = hostNameOf(
    env.HOSTNAME?.includes(':') && !env.HOSTNAME.startsWith('[') ? `[${env.HOSTNAME}]` : env.HOSTNAME,
  );
  if (listen && listen !== '0.0.0.0' && listen !== '[::]') add(listen);
  for (const entry of (env.INTAKE_ALLOWED_HOSTS ?? '').split(',')) add(hostNameOf(entry));
  return names;
}

/** Whether a request's Host header names this server. A missing or malformed Host is refused. */
export function isAllowedHost(
  hostHeader: string | null,
  env: Record<string, string | undefined> = process.env,
): boolean {
  const name = hostNameOf(hostHeader);
  return name !== null && allowedHostNames(env).has(name);
}

/** The 421 answer for a request whose Host is not this server's, or null to go on. */
export function misdirectedResponse(
  hostHeader: string | null,
  env: Record<string, string | undefined> = process.env,
): Response | null {
  if (isAllowedHost(hostHeader, env)) return null;
  return new Response(MISDIRECTED_TEXT, {
    status: 421,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
