// Issue 13 item 6: which address a request came from. The app server (scripts/app-server.mjs)
// decides it from the socket before Next sees the request, and writes it as the only value of
// X-Forwarded-For; the audit log and the sign-in throttles read that header
// (lib/audit/request-context.ts). A client's own X-Forwarded-For is believed only when the socket's
// peer is a proxy named in INTAKE_TRUSTED_PROXIES. Pure, plain Node ESM (it runs before any build).

import net from 'node:net';

import { UserError } from './env.mjs';

export const TRUSTED_PROXIES_SETTING = 'INTAKE_TRUSTED_PROXIES';

/** "::ffff:10.0.0.2" → "10.0.0.2"; "[::1]" → "::1"; anything else trimmed, lower-cased. */
export function normaliseAddress(address) {
  let text = String(address ?? '')
    .trim()
    .toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.startsWith('::ffff:') && net.isIPv4(text.slice('::ffff:'.length))) text = text.slice('::ffff:'.length);
  return text;
}

/**
 * INTAKE_TRUSTED_PROXIES as a matcher: a comma-separated list of addresses ("10.0.0.2", "::1"),
 * CIDR ranges ("10.0.0.0/8", "fd00::/8") and the word "loopback" (127.0.0.0/8 and ::1). Unset or
 * empty: no proxy is trusted. A bad entry is a UserError naming the setting and the entry.
 */
export function parseTrustedProxies(value) {
  const list = new net.BlockList();
  const entries = String(value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (entry.toLowerCase() === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [rawAddress = '', prefix, ...extra] = entry.split('/');
    const address = normaliseAddress(rawAddress);
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
    const bits = family === 'ipv4' ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || extra.length > 0 || !prefixOk) {
      throw new UserError(
        `${TRUSTED_PROXIES_SETTING} has "${entry}", which is not an IP address, a CIDR range (e.g. 10.0.0.0/8) or "loopback". List the addresses of the proxies in front of Intake, separated by commas.`,
      );
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return { entries, isTrusted: (address) => isListed(list, address) };
}

function isListed(list, address) {
  const normal = normaliseAddress(address);
  if (net.isIPv4(normal)) return list.check(normal, 'ipv4');
  if (net.isIPv6(normal)) return list.check(normal, 'ipv6');
  return false;
}

/**
 * The client's address. The socket's peer is the client unless it is a trusted proxy; then the
 * X-Forwarded-For entries are read from the right (each proxy appends the address it saw), trusted
 * proxies skipped, and the first other address is the client — whatever a client wrote further
 * left is never reached. A malformed entry where the client would be stops the walk: the last
 * trusted hop is recorded instead of a value nobody vouches for. No peer address: null.
 */
export function resolveClientAddress({ peer, forwardedFor, trusted }) {
  const peerAddress = normaliseAddress(peer);
  if (peerAddress === '') return null;
  if (!trusted.isTrusted(peerAddress)) return peerAddress;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map(normaliseAddress)
    .filter((entry) => entry !== '');
  let client = peerAddress;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index];
    if (net.isIP(hop) === 0) break;
    client = hop;
    if (!trusted.isTrusted(hop)) break;
  }
  return client;
}

/**
 * The other forwarding headers (the original host, scheme and port) are believed only from a
 * trusted proxy, like X-Forwarded-For: Next and next-auth read them to build the request's URL,
 * so a client talking to the app directly must not choose them. Returns the names to remove.
 */
export const FORWARDING_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

export function untrustedForwardingHeaders({ peer, trusted }) {
  const peerAddress = normaliseAddress(peer);
  return peerAddress !== '' && trusted.isTrusted(peerAddress) ? [] : FORWARDING_HEADERS;
}
