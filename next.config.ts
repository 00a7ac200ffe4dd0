import type { NextConfig } from 'next';

import { STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The PGlite/pg drivers and Prisma's generated client are server-only Node code.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@node-rs/argon2'],
  // forbidden() (lib/auth/guards.ts requireStaff) renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  // Static security headers on every response, assets included; proxy.ts adds the CSP (with a
  // per-request nonce) and Cache-Control: no-store to pages and API responses.
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
