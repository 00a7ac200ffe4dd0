// What our Credentials provider puts into next-auth's User, Session and JWT (module augmentation).
import type { StaffRole } from './permissions';

declare module 'next-auth' {
  interface User {
    role: StaffRole;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: StaffRole };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: StaffRole;
    /** AuthSession.id (lib/auth/auth-sessions.ts). */
    sid?: string;
    sessionVersion?: number;
    /** Epoch ms of the sign-in (absolute limit). */
    signedInAt?: number;
    /** Epoch ms of the last activity the browser reported (idle limit). */
    lastActivityAt?: number;
  }
}
