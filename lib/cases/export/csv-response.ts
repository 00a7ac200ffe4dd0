import 'server-only';

import type { AuditRequestContext } from '@/lib/audit/append';
import { calendarDateOf } from '@/lib/format/date-time';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type pg from 'pg';

import type { AccessActor } from '../access';
import { parseCaseListParams } from '../list/params';

import { streamCaseCsv, type CaseCsvResult } from './csv-stream';

export interface CaseCsvRequest {
  readonly actor: AccessActor;
  /** The list's query string: filters and sort (the page cursor is ignored), `deidentified=1`. */
  readonly searchParams: URLSearchParams;
  /** The search words, from the cookie (never the URL). */
  readonly search: string;
  readonly context: AuditRequestContext;
  /** The database (tests): both handles on the same one; default the app's client and its pool. */
  readonly db?: PrismaClient;
  readonly pool?: pg.Pool;
  readonly pageSize?: number;
  readonly onFinished?: (result: CaseCsvResult) => void;
  readonly now?: Date;
}

/**
 * The HTTP answer of GET /cases/export.csv for a signed-in staff member: 403 without
 * `case:export_csv`, otherwise the streamed CSV as a download. The file name holds a date only.
 */
export function caseCsvResponse(request: CaseCsvRequest): Response {
  const state = { ...parseCaseListParams(request.searchParams), cursor: null };
  const deidentified = request.searchParams.get('deidentified') === '1';
  const stream = streamCaseCsv(request.actor, state, request.search, {
    deidentified,
    context: request.context,
    ...(request.db ? { db: request.db } : {}),
    ...(request.pool ? { pool: request.pool } : {}),
    ...(request.pageSize ? { pageSize: request.pageSize } : {}),
    ...(request.onFinished ? { onFinished: request.onFinished } : {}),
  });
  if (!stream)
    return Response.json(
      { error: 'Your role may not export the case list.' },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    );
  const day = calendarDateOf(request.now ?? new Date());
  const name = `cases-${deidentified ? 'deidentified-' : ''}${day}.csv`;
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
