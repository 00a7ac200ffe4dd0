// Where to go after signing in. Only paths on this site are accepted: an open redirect on a
// sign-in page is a phishing tool.

const DEFAULT_AFTER_SIGN_IN = '/dashboard';

/** `value` when it is a same-site path ("/audit?page=2"), else the dashboard. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return DEFAULT_AFTER_SIGN_IN;
  // Control characters (tabs, newlines) could smuggle a different URL past the checks above.
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return DEFAULT_AFTER_SIGN_IN;
  // Never come back to the sign-in or setup pages themselves.
  if (/^\/(signin|setup)(\/|\?|$)/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  return value;
}

/** Why the person is on the sign-in page; shown as a notice, never as an error about them. */
const SIGN_IN_REASONS = ['idle', 'expired', 'ended', 'signedout', 'setup'] as const;
export type SignInReason = (typeof SIGN_IN_REASONS)[number];

export function parseSignInReason(value: string | null | undefined): SignInReason | null {
  return (SIGN_IN_REASONS as readonly string[]).includes(value ?? '') ? (value as SignInReason) : null;
}

/** "/signin?callbackUrl=…&reason=…" */
export function signInPath(options: { callbackPath?: string | null; reason?: SignInReason | null } = {}): string {
  const params = new URLSearchParams();
  if (options.callbackPath) params.set('callbackUrl', safeCallbackPath(options.callbackPath));
  if (options.reason) params.set('reason', options.reason);
  const query = params.toString();
  return query ? `/signin?${query}` : '/signin';
}
