import type { NextConfig } from 'next';

import { STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The PGlite/pg drivers and Prisma's generated client are server-only Node code.
  // pdfkit reads its own font metrics from node_modules at run time (lib/referrals/pdf).
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@node-rs/argon2', 'pdfkit'],
  // The referral-summary PDF reads its fonts with fs from process.cwd(): ship them with every
  // server route, standalone output included (docs/referral-summary.md).
  outputFileTracingIncludes: { '/**': ['./lib/referrals/pdf/fonts/*'] },
  // forbidden() (lib/auth/guards.ts requireStaff) renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  // Static security headers on every response, assets included; proxy.ts adds the CSP (with a
  // per-request nonce) and Cache-Control: no-store to pages and API responses.
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
