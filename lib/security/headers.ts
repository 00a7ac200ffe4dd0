// Security headers (issue 3). Edge-safe and pure: the proxy adds them with a per-request nonce to
// every page and API response; next.config.ts adds the static ones to everything else (assets).

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval (React's debugging) and inline styles (the error overlay). */
  development?: boolean;
  /** Served over https: ask browsers to upgrade any http sub-request. */
  https?: boolean;
}

/**
 * A nonce-based policy without 'unsafe-eval' or 'unsafe-inline' for scripts: Next.js puts the
 * nonce on its own scripts when it finds it in the request's Content-Security-Policy header, and
 * 'strict-dynamic' lets those load the page's chunks. Pages must therefore render per request.
 */
export function contentSecurityPolicy({ nonce, development = false, https = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** One year, the value HSTS preload lists and OWASP ask for. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Strict-Transport-Security when the public URL is https (issue 13 item 9): browsers then refuse
 * plain http to this host for a year. Never over http (browsers ignore it there, and a test
 * server on http://localhost must not pin the name to https).
 */
export function transportSecurityHeaders(https: boolean): ReadonlyArray<{ key: string; value: string }> {
  return https ? [{ key: 'Strict-Transport-Security', value: `max-age=${HSTS_MAX_AGE_SECONDS}` }] : [];
}
