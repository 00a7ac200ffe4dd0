#!/usr/bin/env node
// Stands in for Prisma's native `schema-engine` binary, which cannot be downloaded offline.
//
// The Prisma CLI runs the file named by PRISMA_SCHEMA_ENGINE_BINARY exactly like the native
// binary: `--datamodels <file>… --datasource <json>` and then newline-delimited JSON-RPC 2.0 on
// stdin/stdout (logs as JSON lines on stderr), or one-shot `cli can-connect-to-database` /
// `cli create-database`, or `--version`. This script answers that protocol with the official
// WebAssembly build of the same engine (shipped inside the `prisma` package), talking to
// PostgreSQL through @prisma/adapter-pg. See docs/prisma-offline.md for the pitfalls it handles.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

import { createPostgresAdapterFactory, createDatabase, canConnect, describeConnectError } from './postgres.mjs';

const require = createRequire(import.meta.url);

// Schema used when the CLI gives no --datamodels (e.g. `migrate diff --from-empty --to-url`):
// the wasm engine panics without one.
const DATASOURCE_ONLY_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

const log = {
  // The CLI parses stderr lines as JSON log records (`fields.message`, `level`).
  line(level, message, extraFields = {}) {
    process.stderr.write(
      JSON.stringify({
        timestamp: new Date().toISOString(),
        level,
        target: 'schema_engine::logger',
        fields: { message, ...extraFields },
      }) + '\n',
    );
  },
  info(message) {
    this.line('INFO', message);
  },
  error(message, errorCode) {
    this.line('ERROR', message, errorCode ? { error_code: errorCode } : {});
  },
};

function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, cliCommand: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datamodels' || arg === '-d') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') args.cliCommand = argv[++i];
  }
  return args;
}

function prismaPackageDir() {
  return path.dirname(require.resolve('prisma/package.json'));
}

function engineVersionLabel() {
  // The CLI compares this hash with the engine it expects; the wasm build ships in the same release.
  return `schema-engine-cli ${installedEnginesVersion()} (WebAssembly, via scripts/prisma-engine)`;
}

/**
 * The engine hash the installed CLI expects: `@prisma/engines-version` as `prisma` itself depends on
 * it (prisma → @prisma/engines → @prisma/engines-version). Resolved through that chain rather than
 * imported as if it were one of this project's dependencies, so it always follows the CLI.
 */
function installedEnginesVersion() {
  const fromPrisma = createRequire(require.resolve('prisma/package.json'));
  const fromEngines = createRequire(fromPrisma.resolve('@prisma/engines/package.json'));
  return fromEngines('@prisma/engines-version/package.json').prisma.enginesVersion;
}

/** Instantiates the wasm engine that ships with the installed `prisma` CLI, so the two always match. */
async function loadWasmEngineModule() {
  // A panic inside the engine is reported through this registry; without it, it is a bare "unreachable".
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: null,
    set_message(message) {
      this.message = message;
    },
  };
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(prismaPackageDir(), 'build', 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}

async function readDatamodels(files) {
  if (files.length === 0) return [['schema.prisma', DATASOURCE_ONLY_SCHEMA]];
  return Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')]));
}

/**
 * The wasm engine reports a failed migration script as a bare "external connector error"; give it
 * the native engine's P3018 wording, with the database's own error code.
 */
function describeFailedMigration(message, databaseError) {
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  if (!migration || !/apply_script/.test(message)) return null;
  const detail = /Error querying the database: ([^\n]*)/.exec(message)?.[1] ?? databaseError?.message ?? message;
  return [
    'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve',
    '',
    `Migration name: ${migration}`,
    '',
    ...(databaseError?.code ? [`Database error code: ${databaseError.code}`, ''] : []),
    'Database error:',
    detail,
  ].join('\n');
}

/** Turns whatever the wasm engine threw into the JSON-RPC error the CLI understands. */
function toRpcError(thrown, databaseError) {
  const panicMessage = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  if (panicMessage) {
    globalThis.PRISMA_WASM_PANIC_REGISTRY.message = null;
    return { code: 4466, message: panicMessage, data: { is_panic: true, message: panicMessage, backtrace: null } };
  }
  // The wasm engine throws plain objects or Errors carrying the same fields as the native engine.
  const source = thrown && typeof thrown === 'object' ? thrown : { message: String(thrown) };
  let fields = source;
  if (typeof source.message === 'string' && source.message.trim().startsWith('{')) {
    try {
      fields = { ...source, ...JSON.parse(source.message) };
    } catch {
      // Not JSON: keep the plain message.
    }
  }
  const message = String(fields.message ?? fields.error ?? 'Unknown schema engine error');
  const failedMigration = describeFailedMigration(message, databaseError);
  const data = {
    is_panic: Boolean(fields.is_panic),
    message: failedMigration ?? message,
    meta: fields.meta ?? null,
    error_code: failedMigration
      ? 'P3018'
      : (fields.error_code ?? fields.errorCode ?? (/^P\d{4}$/.test(String(fields.code)) ? fields.code : null)),
  };
  return { code: 4466, message: 'An error happened. Check the data field for details.', data };
}

async function runOneShot(command, datasource) {
  const url = datasource?.url;
  if (!url) {
    log.error('No database URL was given to the schema engine.');
    return 1;
  }
  try {
    if (command === 'can-connect-to-database') {
      await canConnect(url);
      log.info('Database connection successful');
      return 0;
    }
    if (command === 'create-database') {
      const name = await createDatabase(url);
      log.info(`Database '${name}' was successfully created.`);
      return 0;
    }
    log.error(`Unknown schema engine cli command: ${command}`);
    return 1;
  } catch (error) {
    const { code, message } = describeConnectError(error, url);
    log.error(message, code);
    return 1;
  }
}

async function serveJsonRpc(args) {
  const glue = await loadWasmEngineModule();
  const datamodels = await readDatamodels(args.datamodels);
  const url = args.datasource?.url;
  const factory = url
    ? createPostgresAdapterFactory(url, { shadowDatabaseUrl: args.datasource?.shadowDatabaseUrl })
    : null;
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');

  const engineLog = (line) => {
    // The engine hands us JSON log lines; pass them through so the CLI can show them.
    process.stderr.write((typeof line === 'string' ? line : JSON.stringify(line)) + '\n');
  };
  // The wasm engine connects as soon as it is made (it asks the server for its version), so even a
  // diff between two schema files needs a reachable database here, unlike the native engine.
  // Its failure (say, an unreachable server) is reported as the answer to each request.
  const enginePromise = glue.SchemaEngine.new(
    { datamodels },
    engineLog,
    factory ? bindMigrationAwareSqlAdapterFactory(factory) : undefined,
  );
  enginePromise.catch(() => {});

  const pendingPrints = new Map();
  let nextPrintId = 1;
  const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');

  /** The CLI expects `diff` output as a `print` request it answers, not in the result. */
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: '2.0', method: 'print', params: { content }, id });
    });

  async function call(method, params) {
    const engine = await enginePromise;
    switch (method) {
      case 'getDatabaseVersion':
        return engine.version(params ?? undefined);
      case 'createDatabase':
        return { databaseName: await createDatabase(params?.datasource?.url ?? url) };
      case 'ensureConnectionValidity':
        await canConnect(params?.datasource?.url ?? url);
        return {};
      case 'diff': {
        const result = await engine.diff(params);
        if (result.stdout) await printThroughCli(result.stdout.replace(/\n$/, ''));
        return { exitCode: result.exitCode };
      }
      case 'createMigration':
      case 'evaluateDataLoss':
        try {
          return await engine[method](params);
        } catch (error) {
          // The engine only knows how to reach the shadow database once it has read the
          // migration history with shadow-database permission; do that and retry once.
          if (!/shadow/i.test(String(error?.message ?? error))) throw error;
          await engine.diagnoseMigrationHistory({
            migrationsList: params.migrationsList,
            optInToShadowDatabase: true,
            filters: params.filters,
          });
          return engine[method](params);
        }
      default:
        if (typeof engine[method] !== 'function') {
          const notFound = new Error(`Method not found: ${method}`);
          notFound.rpcCode = -32601;
          throw notFound;
        }
        return engine[method](params ?? {});
    }
  }

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const inFlight = new Set();
  const requestsInFlight = new Map();

  // A panic inside the engine can surface outside any request's promise (in a callback the wasm
  // code scheduled). Answer every open request with it and exit non-zero: never vanish silently.
  const failEverything = (error) => {
    const rpcError = toRpcError(error, factory?.lastDatabaseError);
    log.error(`${rpcError.data.is_panic ? 'Schema engine panic' : 'Schema engine failure'}: ${rpcError.data.message}`);
    for (const id of requestsInFlight.keys()) send({ jsonrpc: '2.0', id, error: rpcError });
    // Drop a shadow database we created, but never hang on the way out.
    const exit = () => process.exit(101);
    setTimeout(exit, 3000).unref();
    Promise.resolve(factory?.closeAll()).finally(exit);
  };
  process.on('uncaughtException', failEverything);
  process.on('unhandledRejection', failEverything);
  input.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    requestsInFlight.set(message.id, message.method);
    const work = call(message.method, message.params)
      .then((result) => send({ jsonrpc: '2.0', id: message.id, result: result ?? {} }))
      .catch((error) => {
        if (error?.rpcCode === -32601)
          send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: error.message } });
        else send({ jsonrpc: '2.0', id: message.id, error: toRpcError(error, factory?.lastDatabaseError) });
      })
      .finally(() => {
        inFlight.delete(work);
        requestsInFlight.delete(message.id);
      });
    inFlight.add(work);
  });

  // The CLI ends our stdin when it is done with us: finish what is running, release connections, exit.
  await new Promise((resolve) => input.on('close', resolve));
  await Promise.allSettled([...inFlight]);
  try {
    (await enginePromise).free();
  } catch {
    // No engine to free, or freeing failed at exit: nothing to do.
  }
  if (factory) await factory.closeAll();
  return 0;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(engineVersionLabel() + '\n');
    return 0;
  }
  if (args.cliCommand) {
    // The CLI drops the first stderr line of a one-shot command and parses the rest as JSON.
    process.stderr.write('schema-engine (wasm)\n');
    return runOneShot(args.cliCommand, args.datasource);
  }
  return serveJsonRpc(args);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Never exit silently: a vanished engine makes some CLI commands report success with no output.
    log.error(`The schema engine front failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
