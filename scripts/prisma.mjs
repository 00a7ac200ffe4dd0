#!/usr/bin/env node
// Runs the project's pinned Prisma CLI with the offline schema engine, so `npm run prisma -- <args>`
// works without downloading Prisma's native engine (see docs/prisma-offline.md).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

import { prismaEnvironment } from './prisma-engine/environment.mjs';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: prismaEnvironment(process.env),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
