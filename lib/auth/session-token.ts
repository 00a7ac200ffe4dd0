import hkdf from '@panva/hkdf';
import { jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams } from 'next-auth/jwt';

/*
 * next-auth's own `decode` (next-auth/jwt), with the encryption key derived once per secret
 * instead of on every call: the HKDF derivation ran twice per page (proxy and page), ~0.6 ms
 * each under load — 3–5 % of a page's server CPU (docs/performance.md). Same key (HKDF-SHA256,
 * next-auth's info string, 32 bytes), same JWE check (dir + A256GCM by jose, 15 s clock
 * tolerance): tokens made by next-auth's `encode` decode here and nowhere else
 * (tests/unit/auth/session-token.test.ts). The cache holds only keys derived from the server's
 * own secret, never anything of a request or a user.
 */

const MAX_KEYS = 4; // the secret comes from the environment: one entry, two while it is rotated
const derivedKeys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === 'string' ? secret : secret.toString('base64')}`;
  let key = derivedKeys.get(id);
  if (!key) {
    if (derivedKeys.size >= MAX_KEYS) derivedKeys.clear();
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = hkdf('sha256', secret, salt, info, 32);
    derivedKeys.set(id, key);
    // A failed derivation is not kept: the next call tries again.
    key.catch(() => derivedKeys.delete(id));
  }
  return key;
}

/** Decrypts a session token as next-auth's `decode` does; throws when it is not one of ours. */
export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload;
}
