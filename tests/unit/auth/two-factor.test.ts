import { describe, expect, it } from 'vitest';

import {
  base32Decode,
  base32Encode,
  decryptTotpSecret,
  deriveTotpKey,
  encryptTotpSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchRecoveryCode,
  otpauthUri,
  totpCodeAt,
  totpStep,
  verifyTotp,
} from '@/lib/auth/two-factor';

// RFC 6238 appendix B: the SHA-1 secret is ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP codes (RFC 6238, SHA-1, 30 s)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 test vector at %i s', (seconds, expected) => {
    expect(totpCodeAt(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(expected);
  });

  it('round-trips base32 and refuses characters outside the alphabet', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(() => base32Decode('ABC1')).toThrow();
  });
});

describe('verifyTotp window and replay', () => {
  const secret = generateTotpSecret();
  const now = 1_800_000_015_000;
  const step = totpStep(now);

  it('accepts the current step and one step either side, nothing further', () => {
    for (const delta of [-1, 0, 1]) {
      expect(verifyTotp(secret, totpCodeAt(secret, step + delta), now, null)).toEqual({ ok: true, step: step + delta });
    }
    for (const delta of [-2, 2]) {
      expect(verifyTotp(secret, totpCodeAt(secret, step + delta), now, null)).toEqual({ ok: false, reason: 'wrong' });
    }
  });

  it('refuses a code whose step was already used, and earlier steps after it', () => {
    const code = totpCodeAt(secret, step);
    expect(verifyTotp(secret, code, now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(secret, totpCodeAt(secret, step - 1), now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(secret, totpCodeAt(secret, step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('calls anything but six digits malformed', () => {
    expect(verifyTotp(secret, '12345', now, null)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyTotp(secret, 'abcdef', now, null)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('builds an otpauth URI with the secret and issuer', () => {
    const uri = otpauthUri(secret, 'a@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Intake%3Aa%40example\.org\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
  });
});

describe('secret encryption at rest (AES-256-GCM)', () => {
  it('round-trips under the same app secret and uses a fresh IV each time', () => {
    const key = deriveTotpKey('app-secret-one');
    const secret = generateTotpSecret();
    const a = encryptTotpSecret(secret, key);
    const b = encryptTotpSecret(secret, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptTotpSecret(a, key)).toBe(secret);
  });

  it('fails with a key from another app secret, and when the ciphertext is altered', () => {
    const stored = encryptTotpSecret(generateTotpSecret(), deriveTotpKey('app-secret-one'));
    expect(() => decryptTotpSecret(stored, deriveTotpKey('app-secret-two'))).toThrow();
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString('base64url');
    expect(() => decryptTotpSecret(parts.join('.'), deriveTotpKey('app-secret-one'))).toThrow();
    expect(() => deriveTotpKey('')).toThrow();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it('matches a code once (salted hash), ignoring case and dashes, and never after it is used', () => {
    const codes = generateRecoveryCodes(3);
    const rows = codes.map((code, i) => ({ id: `r${i}`, ...hashRecoveryCode(code), usedAt: null as Date | null }));
    expect(rows[0]!.codeHash).not.toContain(codes[0]!);
    expect(matchRecoveryCode(codes[1]!.toUpperCase().replace(/-/g, ''), rows)).toBe('r1');
    rows[1]!.usedAt = new Date();
    expect(matchRecoveryCode(codes[1]!, rows)).toBeNull();
    expect(matchRecoveryCode('aaaa-bbbb-cccc', rows)).toBeNull();
  });

  it('salts each code: the same code hashes differently', () => {
    expect(hashRecoveryCode('abcd-efgh-jkmn').codeHash).not.toBe(hashRecoveryCode('abcd-efgh-jkmn').codeHash);
  });
});
