// Two-factor sign-in (issue 13 item 8): RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits,
// ±1 step), the secret encrypted at rest with AES-256-GCM under a key derived (HKDF-SHA-256) from
// the app secret, and single-use recovery codes stored as sha256(salt + code). Pure functions
// over node:crypto with the time passed in, so tests cover windows and replay without waiting.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are accepted (clock drift between phone and server). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case, spaces and padding ignored); throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('invalid base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps expect. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);
}

/** The code for one step (RFC 4226 HOTP over the step counter). */
export function totpCodeAt(secretBase32: string, step: number, digits: number = TOTP_DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a 6-digit code against the steps now-1, now and now+1. A code for a step at or before
 * `lastUsedStep` is refused as a replay (so is any earlier step in the window once a later one
 * was used). The caller stores the returned step as the new last used step.
 */
export function verifyTotp(secretBase32: string, code: string, nowMs: number, lastUsedStep: number | null): TotpCheck {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return { ok: false, reason: 'malformed' };
  const current = totpStep(nowMs);
  let replayed = false;
  for (let delta = -TOTP_WINDOW; delta <= TOTP_WINDOW; delta += 1) {
    const step = current + delta;
    const expected = totpCodeAt(secretBase32, step);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(typed))) {
      if (lastUsedStep !== null && step <= lastUsedStep) replayed = true;
      else return { ok: true, step };
    }
  }
  return { ok: false, reason: replayed ? 'replayed' : 'wrong' };
}

/** otpauth:// URI for the QR code (Key URI format). Never put in a page URL or a log. */
export function otpauthUri(secretBase32: string, accountEmail: string, issuer = 'Intake'): string {
  const label = encodeURIComponent(`${issuer}:${accountEmail}`);
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

// --- Encryption at rest ---

const KEY_INFO = 'intake two-factor secret v1';

/** A 256-bit key derived from the app secret; a different app secret gives a different key. */
export function deriveTotpKey(appSecret: string): Buffer {
  if (appSecret === '') throw new Error('app secret missing: cannot protect two-factor secrets');
  return Buffer.from(hkdfSync('sha256', appSecret, 'intake-totp', KEY_INFO, 32));
}

/** "v1.<iv>.<tag>.<ciphertext>" (base64url), AES-256-GCM with a fresh 96-bit IV. */
export function encryptTotpSecret(secretBase32: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join('.');
}

/** Throws when the value was tampered with or encrypted under another key. */
export function decryptTotpSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('malformed two-factor secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

// --- Recovery codes ---

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i

/** Ten codes like "k7m2-qp9x-3hfa" (~64 bits each), shown once. */
export function generateRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Lower-case, no spaces or dashes: how a typed recovery code is compared. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{12}$/.test(normalizeRecoveryCode(code));
}

export function hashRecoveryCode(code: string, salt: string = randomBytes(16).toString('hex')) {
  const codeHash = createHash('sha256').update(salt).update(normalizeRecoveryCode(code)).digest('hex');
  return { salt, codeHash };
}

/** The id of the unused stored code that matches, or null (used codes never match). */
export function matchRecoveryCode(
  code: string,
  stored: readonly { id: string; salt: string; codeHash: string; usedAt: Date | null }[],
): string | null {
  let found: string | null = null;
  for (const row of stored) {
    const { codeHash } = hashRecoveryCode(code, row.salt);
    const equal = timingSafeEqual(Buffer.from(codeHash, 'hex'), Buffer.from(row.codeHash, 'hex'));
    if (equal && row.usedAt === null && found === null) found = row.id;
  }
  return found;
}
