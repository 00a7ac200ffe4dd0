'use client';

import { ErrorNotice } from '@/components/errors/error-notice';

/** A staff page that failed on the server: the shell stays, the page says so with the request id. */
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} reset={reset} />;
}
