// Everything the app serves, found on disk and in the build, so the authorization matrix cannot
// silently miss a page, route handler or server action.
import fs from 'node:fs';
import path from 'node:path';

/** The folder with this project's package.json, from where Playwright was started. */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'intake'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`No intake package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(process.cwd());

function filesUnder(dir: string): string[] {
  const absolute = path.join(PROJECT_ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
    .filter((file) => fs.statSync(path.join(PROJECT_ROOT, file)).isFile());
}

const SOURCE = /\.(tsx?|jsx?|mjs)$/;

/** app/**\/page.tsx and app/**\/route.ts, as paths relative to the project. */
export function discoverAppFiles(): { pages: string[]; routes: string[] } {
  const files = filesUnder('app').filter((file) => SOURCE.test(file));
  return {
    pages: files.filter((file) => /(^|\/)page\.(tsx?|jsx?)$/.test(file)).sort(),
    routes: files.filter((file) => /(^|\/)route\.(tsx?|jsx?)$/.test(file)).sort(),
  };
}

/** The HTTP methods a route handler file exports. */
export function exportedMethods(routeFile: string): string[] {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, routeFile), 'utf8');
  const methods = new Set<string>();
  for (const match of source.matchAll(
    /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
  ))
    methods.add(match[1]!);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.add(name);
    }
  }
  return [...methods].sort();
}

/**
 * Server actions declared in 'use server' modules anywhere in app/, lib/ and components/:
 * "<file>#<exported name>" for each exported function.
 */
export function discoverServerActionExports(): string[] {
  const found: string[] = [];
  for (const file of [...filesUnder('app'), ...filesUnder('lib'), ...filesUnder('components')]) {
    if (!SOURCE.test(file) || file.startsWith('lib/generated/')) continue;
    const source = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    // The directive must be the first statement (comments may precede it).
    const body = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '');
    if (!/^['"]use server['"]/.test(body)) continue;
    for (const match of source.matchAll(/export\s+(?:async\s+function|const|let|function)\s+([A-Za-z_$][\w$]*)/g))
      found.push(`${file}#${match[1]}`);
    for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of match[1]!.split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) found.push(`${file}#${name}`);
      }
    }
  }
  return [...new Set(found)].sort();
}

export interface BuiltServerAction {
  id: string;
  /** "<file>#<exported name>" */
  key: string;
  /** Page entries that bundle it, e.g. "app/(staff)/admin/staff/page". */
  workers: string[];
}

/** Every server action id in the production build (.next/server/server-reference-manifest.json). */
export function builtServerActions(): BuiltServerAction[] {
  const manifestFile = path.join(PROJECT_ROOT, '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
    edge?: Record<string, unknown>;
  };
  if (manifest.edge && Object.keys(manifest.edge).length > 0)
    throw new Error('Edge server actions exist: extend the matrix test to cover them.');
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    key: `${entry.filename ?? '?'}#${entry.exportedName ?? '?'}`,
    workers: Object.keys(entry.workers),
  }));
}

/** "app/(staff)/admin/staff/page" → "/admin/staff": the URL of the page whose bundle runs an action. */
export function workerToPath(worker: string): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  return `/${segments.join('/')}`;
}

/** "app/(staff)/audit/page.tsx" → "/audit" (dynamic segments stay as [id]). */
export function pageFileToPath(file: string): string {
  return workerToPath(file.replace(/\.(tsx?|jsx?)$/, ''));
}
