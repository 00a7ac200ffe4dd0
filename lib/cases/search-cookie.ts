import 'server-only';

import { cookies } from 'next/headers';

import { usesSecureCookies } from '@/lib/auth/session-rules';

import { MAX_SEARCH_LENGTH } from './search-key';

/**
 * The case-list search words are patient data, so they never go in a URL (browser history,
 * server logs, Referer). The search form POSTs them; they are kept in this cookie — httpOnly,
 * SameSite=Strict, only sent to /cases, gone when the browser closes or after 15 minutes (the
 * idle logoff) — and only for the staff member who typed them.
 */
const COOKIE = 'intake.case-search';
const MAX_AGE_SECONDS = 15 * 60;

export async function readCaseSearch(staffId: string): Promise<string> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return '';
  try {
    const parsed = JSON.parse(raw) as { staffId?: unknown; q?: unknown };
    if (parsed.staffId !== staffId || typeof parsed.q !== 'string') return '';
    return parsed.q.slice(0, MAX_SEARCH_LENGTH);
  } catch {
    return '';
  }
}

export async function writeCaseSearch(staffId: string, query: string): Promise<void> {
  (await cookies()).set(COOKIE, JSON.stringify({ staffId, q: query.slice(0, MAX_SEARCH_LENGTH) }), {
    httpOnly: true,
    sameSite: 'strict',
    secure: usesSecureCookies(),
    path: '/cases',
    maxAge: MAX_AGE_SECONDS,
  });
}

export async function clearCaseSearch(): Promise<void> {
  (await cookies()).delete({ name: COOKIE, path: '/cases' });
}
