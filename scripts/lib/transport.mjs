// Issue 13 item 9: `npm start` warns when it would serve patient data over plain HTTP to anything
// but this machine. Pure: the caller passes the settings.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function isLoopback(host) {
  const name = String(host).toLowerCase();
  return LOOPBACK.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * The warning to print, or null. `publicUrl` is NEXTAUTH_URL; `bindHost` the interface the server
 * binds to (undefined: every interface). https in the public URL means TLS ends at a proxy in
 * front (see the README): no warning.
 */
export function plainHttpWarning({ publicUrl, bindHost }) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    return null; // NEXTAUTH_URL's own checks report a bad value
  }
  if (url.protocol === 'https:') return null;
  const reasons = [];
  if (!isLoopback(url.hostname)) reasons.push(`the public URL ${url.origin} is not this machine`);
  if (bindHost === undefined || !isLoopback(bindHost))
    reasons.push(`the server listens on ${bindHost === undefined ? 'every network interface' : bindHost}`);
  if (reasons.length === 0) return null;
  return [
    `WARNING: serving patient data over plain HTTP (${reasons.join('; ')}).`,
    'Anyone on the network path can read and change it, sign-in passwords included. Put Intake behind',
    'a reverse proxy with HTTPS and set NEXTAUTH_URL=https://… (README: "HTTPS behind a reverse proxy"),',
    'or set HOSTNAME=127.0.0.1 to serve this machine only.',
  ].join('\n');
}
