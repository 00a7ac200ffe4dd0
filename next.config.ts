import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The PGlite/pg drivers and Prisma's generated client are server-only Node code.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@node-rs/argon2'],
};

export default nextConfig;
