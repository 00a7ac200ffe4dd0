import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Prisma itself (the generated client, @prisma/*, pg, the shared client) is imported only by the
// data modules; pages and actions call them.
const PRISMA = [
  '@/lib/generated/*',
  '@/lib/generated/**',
  '**/generated/prisma/**',
  '@prisma/*',
  'pg',
  '@/lib/db/client',
  '@/lib/db/types',
];
const DATA_MODULES = [
  'lib/db/**',
  'lib/cases/**',
  'lib/staff/**',
  'lib/dashboard/queries.ts',
  // Data access of consents and referrals (42 CFR Part 2); their pure rules sit beside them.
  'lib/consent/service.ts',
  'lib/referrals/service.ts',
  'lib/referrals/emergency.ts',
  'lib/referrals/export-access.ts',
  // Bulk export jobs (issue 11 item 6): the job table and its runner.
  'lib/exports/bulk/service.ts',
  'lib/exports/bulk/runner.ts',
  'lib/exports/bulk/jobs.ts',
  'lib/audit/**',
  'lib/auth/authenticate.ts',
  'lib/auth/session.ts',
];

// Clinical logic is framework-free: pure functions over typed data, usable by the web app, the
// CLI and the tests alike.
const FRAMEWORKS = [
  'next',
  'next/*',
  'next-auth',
  'next-auth/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'server-only',
  '@/lib/db/*',
  '@/app/*',
  '@/components/*',
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'lib/generated/**',
      '.data/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'tests/.tmp/**',
    ],
  },
  {
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: DATA_MODULES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: PRISMA,
              message:
                'Only the data modules (lib/db, lib/cases, lib/staff, lib/audit, lib/dashboard/queries.ts, lib/consent/service.ts, lib/referrals data access, lib/exports/bulk/{service,runner,jobs}.ts, the session check) import Prisma.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/placement/**', 'lib/instruments/**', 'lib/intake/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: PRISMA, message: 'Clinical logic imports no Prisma: pass data in.' },
            { group: FRAMEWORKS, message: 'Clinical logic imports no Next, React or server-only code: keep it pure.' },
          ],
        },
      ],
    },
  },
];

export default config;
