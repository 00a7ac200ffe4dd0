'use client';

import Link from 'next/link';

import { MainLandmark } from '@/components/staff-shell/shell-context';

/**
 * 404 in the app's own style (Next's built-in page uses inline styles the CSP would block). A
 * client component: Next puts it into every page's React payload, where a client component is
 * only a module reference (issue 10). Inside the staff layout its landmark is a div (one main).
 */
export default function NotFound() {
  return (
    <MainLandmark className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-sky-800 underline">
        Go to the start page
      </Link>
    </MainLandmark>
  );
}
