import 'server-only';

import { headers } from 'next/headers';

import { REQUEST_ID_HEADER } from '@/lib/security/request-id';

import type { AuditRequestContext } from './append';

/**
 * The request id (set by the proxy), client IP and user agent of the current request, or an
 * empty context outside a request (scripts, tests).
 */
export async function currentRequestContext(): Promise<AuditRequestContext> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return { requestId: crypto.randomUUID() };
  }
  return {
    requestId: requestHeaders.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
    ip: clientIp(requestHeaders.get('x-forwarded-for'), trustedProxies()),
    userAgent: requestHeaders.get('user-agent'),
  };
}

/** INTAKE_TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of the app. */
export function trustedProxies(env: Record<string, string | undefined> = process.env): string[] {
  return (env.INTAKE_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith('::ffff:') ? trimmed.slice('::ffff:'.length) : trimmed;
}

/**
 * The client address for the audit log. `next start` puts the socket's address into
 * X-Forwarded-For only when the request carries none, so the header's last entry is the socket
 * address unless the client (or a proxy) sent one. With trusted proxies named, the entries they
 * appended are skipped from the right and the first address not among them is the client — a
 * value the client wrote further left is ignored. Without trusted proxies, only a single-entry
 * header can be the socket address; a longer one (proxy or forgery) is recorded as its last
 * entry, never the client-chosen first one. No header at all: null.
 */
export function clientIp(forwardedFor: string | null | undefined, trusted: string[]): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map(normaliseAddress)
    .filter((entry) => entry !== '');
  if (entries.length === 0) return null;
  const trustedSet = new Set(trusted.map(normaliseAddress));
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (!trustedSet.has(entry)) return entry;
  }
  return entries[0] ?? null;
}
