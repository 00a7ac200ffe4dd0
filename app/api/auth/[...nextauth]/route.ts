import NextAuth from 'next-auth';

import { authOptions } from '@/lib/auth/auth-options';

// next-auth's endpoints: csrf, sign-in (credentials callback), session (the activity heartbeat),
// sign-out. Public by design; what they answer depends on the session cookie.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
