// The Prisma packages move together (issue 7 item 7): exact pins, and one major.minor across the
// CLI, the client and the adapters (docs/prisma-offline.md, "Versions").
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const all = { ...manifest.dependencies, ...manifest.devDependencies };
const prismaPackages = Object.entries(all).filter(
  ([name]) => (name === 'prisma' || name.startsWith('@prisma/')) && name !== '@prisma/schema-engine-wasm',
);

describe('Prisma package versions', () => {
  it('declares the CLI, the client and the pg adapter', () => {
    const names = prismaPackages.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['prisma', '@prisma/client', '@prisma/adapter-pg']));
  });

  it('pins every Prisma package to an exact version', () => {
    for (const [name, version] of prismaPackages) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('keeps one major.minor across every Prisma package', () => {
    const minors = new Set(prismaPackages.map(([, version]) => version.split('.').slice(0, 2).join('.')));
    expect([...minors]).toEqual([all.prisma!.split('.').slice(0, 2).join('.')]);
  });
});
