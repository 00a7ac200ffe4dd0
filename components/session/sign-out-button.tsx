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
      className="nav-link text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
