'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

import { signInPath } from '@/lib/auth/callback-url';

import { signOutAndGoTo } from './sign-out';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutAndGoTo(signOut, signInPath({ reason: 'signedout' }));
      }}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-60"
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
