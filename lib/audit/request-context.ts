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
  // The first X-Forwarded-For entry is the client as the nearest proxy saw it; only meaningful
  // when a trusted reverse proxy sets it (AUTH_TRUST_HOST), which is how the app is deployed.
  const forwarded = requestHeaders.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    requestId: requestHeaders.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
    ip: forwarded || requestHeaders.get('x-real-ip') || null,
    userAgent: requestHeaders.get('user-agent'),
  };
}
