#!/usr/bin/env node
// The production app server: Next's custom server (`next({ dev: false })` on the existing .next
// build) behind Node's own HTTP server, one process per core (issue 10 item 3). `npm start` and
// `npm run serve` run it after the database, secrets and migrations are ready (scripts/start.mjs);
// the end-to-end tests run it directly. Settings (README): PORT, HOSTNAME, INTAKE_WORKERS (unset:
// one per core; 1: this process serves alone), INTAKE_TRUSTED_PROXIES.
//
// As the cluster primary (INTAKE_WORKERS > 1) this process only supervises workers
// (scripts/lib/cluster-server.mjs); each worker — or this process with INTAKE_WORKERS=1 — serves.
//
// Before Next sees a request, X-Forwarded-For is replaced by the one client address worked out
// from the socket (scripts/lib/client-address.mjs): a client's own value is kept only when the
// socket's peer is a trusted proxy. The audit log and the sign-in throttles read that header.
// X-Forwarded-Host/-Proto/-Port and Forwarded are removed unless the peer is a trusted proxy.

import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';

import { DEFAULT_POLICY, DRAIN_MESSAGE, createClusterPrimary, parseWorkerCount } from './lib/cluster-server.mjs';
import { parseTrustedProxies, resolveClientAddress, untrustedForwardingHeaders } from './lib/client-address.mjs';
import { PROJECT_ROOT, bindHostname, errorText, readSettings } from './lib/env.mjs';

const slot = process.env.INTAKE_WORKER_SLOT;
const log = (message) => console.log(`[intake] ${slot ? `worker ${slot}: ` : ''}${message}`);
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

async function main() {
  const { port } = readSettings();
  const hostname = bindHostname();
  const trusted = parseTrustedProxies(process.env.INTAKE_TRUSTED_PROXIES);
  const count = parseWorkerCount(process.env.INTAKE_WORKERS, os.availableParallelism());

  if (cluster.isPrimary && count > 1) {
    const primary = createClusterPrimary({
      count,
      fork: (workerSlot) => cluster.fork({ INTAKE_WORKER_SLOT: String(workerSlot) }),
    });
    // Ctrl-C reaches the workers too (same process group); they drain on it themselves.
    for (const signal of STOP_SIGNALS) process.on(signal, () => void primary.drain(`${signal} received`));
    const { code } = await primary.start();
    log(code === 0 ? 'every worker has stopped' : 'stopped after a failure (see above)');
    process.exit(code);
  }

  await serve({ port, hostname, trusted });
}

async function serve({ port, hostname, trusted }) {
  // What `next start` sets: React's and Next's production code paths.
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    const client = resolveClientAddress({
      peer: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trusted,
    });
    if (client) req.headers['x-forwarded-for'] = client;
    else delete req.headers['x-forwarded-for'];
    for (const name of untrustedForwardingHeaders({ peer: req.socket.remoteAddress, trusted }))
      delete req.headers[name];
    handle(req, res).catch((err) => {
      console.error(`[intake] request failed: ${err?.name ?? 'Error'}`); // never the message: it can quote data
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  let draining = false;
  const drain = (reason) => {
    if (draining) return;
    draining = true;
    log(`${reason}: finishing the requests in flight`);
    // Stop accepting; idle keep-alive connections are closed now and as each one goes idle.
    const idle = setInterval(() => server.closeIdleConnections(), 200);
    const finish = (code) => {
      clearInterval(idle);
      process.exit(code);
    };
    server.close(() => finish(0));
    server.closeIdleConnections();
    // A little inside the primary's own limit, so a stuck request ends here with a clear exit.
    setTimeout(() => {
      log('requests still running at the drain timeout; closing them');
      server.closeAllConnections();
      finish(1);
    }, DEFAULT_POLICY.drainTimeoutMs - 1_000).unref();
  };
  process.on('message', (message) => {
    if (message?.type === DRAIN_MESSAGE) drain('asked to stop');
  });
  for (const signal of STOP_SIGNALS) process.on(signal, () => drain(`${signal} received`));

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: hostname }, resolve);
  });
  if (!slot) log(`serving on http://${hostname ?? 'localhost'}:${port} (one process, pid ${process.pid})`);
}

main().catch((err) => {
  console.error(`\n[intake] the app server could not start: ${errorText(err)}`);
  process.exit(1);
});
