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
    ip: clientIp(requestHeaders.get('x-forwarded-for')),
    userAgent: requestHeaders.get('user-agent'),
  };
}

/**
 * The client address for the audit log and the sign-in throttles (issue 13 item 6): the one
 * X-Forwarded-For value the app server (scripts/app-server.mjs) wrote — the socket's peer, or, when
 * that peer is a proxy named in INTAKE_TRUSTED_PROXIES, the client that proxy reported
 * (scripts/lib/client-address.mjs, docs/security.md "Client IP"). A list here means the request did
 * not come through the app server (`next dev`, or a bare `next start`): its last entry, the socket
 * address `next start` appends when the request had none, never the client-written first one.
 */
export function clientIp(forwardedFor: string | null | undefined): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const last = entries.at(-1);
  if (last === undefined) return null;
  return last.startsWith('::ffff:') ? last.slice('::ffff:'.length) : last;
}
