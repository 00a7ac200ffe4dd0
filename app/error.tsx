'use client';

import { ErrorNotice } from '@/components/errors/error-notice';

/** A page outside the staff area (sign-in, setup) that failed on the server. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <ErrorNotice digest={error.digest} reset={reset} />
    </main>
  );
}
