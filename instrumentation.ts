// Next.js calls onRequestError for every error thrown while rendering a page or running a route
// or action on the server. It is logged with the request id the proxy set (the one the error page
// shows), the error's digest, kind and code, and the path without its query — never the error's
// message, which can quote patient data.
import type { Instrumentation } from 'next';

import { describeError, logger } from '@/lib/logger';
import { REQUEST_ID_HEADER } from '@/lib/security/request-id';

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers[REQUEST_ID_HEADER];
  logger.error('request', 'failed', {
    requestId: (Array.isArray(header) ? header[0] : header) ?? 'unknown',
    digest: (error as { digest?: string }).digest ?? null,
    path: request.path.split('?')[0] ?? null,
    method: request.method,
    routeType: context.routeType,
    ...describeError(error),
  });
};
