import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';

import { decodeSessionToken } from '@/lib/auth/session-token';

const secret = 'session-token-test-secret-0123456789abcdef';
const claims = { sub: 'staff-1', sid: 'session-1', role: 'CLINICIAN' as const, sessionVersion: 3 };

describe('decodeSessionToken (next-auth decode with the key derived once)', () => {
  it('reads a token made by next-auth encode, with the same claims as next-auth decode', async () => {
    const token = await encode({ token: claims, secret });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject(claims);
  });

  it('reads tokens again and again under the same secret (the cached key)', async () => {
    const tokens = await Promise.all([1, 2, 3].map((n) => encode({ token: { ...claims, sessionVersion: n }, secret })));
    const decoded = await Promise.all(tokens.map((token) => decodeSessionToken({ token, secret })));
    expect(decoded.map((payload) => payload?.sessionVersion)).toEqual([1, 2, 3]);
  });

  it('refuses a token encrypted under another secret, even after the first secret was used', async () => {
    await decodeSessionToken({ token: await encode({ token: claims, secret }), secret });
    const foreign = await encode({ token: claims, secret: `${secret}-other` });
    await expect(decodeSessionToken({ token: foreign, secret })).rejects.toThrow();
  });

  it('refuses a tampered token', async () => {
    const token = await encode({ token: claims, secret });
    const parts = token.split('.');
    const cipher = parts[3] ?? '';
    parts[3] = `${cipher.startsWith('A') ? 'B' : 'A'}${cipher.slice(1)}`;
    await expect(decodeSessionToken({ token: parts.join('.'), secret })).rejects.toThrow();
  });

  it('keeps keys of different salts apart (next-auth salts by cookie name in v5; v4 passes none)', async () => {
    const token = await encode({ token: claims, secret, salt: 'a' });
    await expect(decodeSessionToken({ token, secret, salt: 'a' })).resolves.toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it('answers null for no token, as next-auth does', async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it('refuses an expired token', async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });
});
