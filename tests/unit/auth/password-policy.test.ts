import { describe, expect, it } from 'vitest';

import {
  emailLocalPart,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordPolicyProblems,
} from '@/lib/auth/password-policy';

const EMAIL = 'jane.doe@clinic.example';

describe('passwordPolicyProblems', () => {
  it('accepts 12 characters that do not contain the email local part', () => {
    expect(passwordPolicyProblems('a'.repeat(PASSWORD_MIN_LENGTH), EMAIL)).toEqual([]);
    expect(passwordPolicyProblems('correct horse battery staple', EMAIL)).toEqual([]);
  });

  it('rejects 11 characters, saying how many it has', () => {
    expect(passwordPolicyProblems('a'.repeat(11), EMAIL)).toEqual(['Use at least 12 characters (this one has 11).']);
  });

  it('counts characters, not UTF-16 units', () => {
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordPolicyProblems('🔒'.repeat(11), EMAIL)).toHaveLength(1);
    expect(passwordPolicyProblems('🔒'.repeat(12), EMAIL)).toEqual([]);
  });

  it('rejects more than the maximum length', () => {
    expect(passwordPolicyProblems('a'.repeat(PASSWORD_MAX_LENGTH), EMAIL)).toEqual([]);
    expect(passwordPolicyProblems('a'.repeat(PASSWORD_MAX_LENGTH + 1), EMAIL)).toEqual([
      `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    ]);
  });

  it('rejects a password containing the email local part, ignoring case', () => {
    expect(passwordPolicyProblems('my-Jane.Doe-password', EMAIL)).toEqual([
      'Do not include the part of the email before the @ (“jane.doe”).',
    ]);
    expect(passwordPolicyProblems('jane.doe', EMAIL)).toHaveLength(2);
  });

  it('does not check local parts shorter than 3 characters', () => {
    expect(passwordPolicyProblems('alphabet soup for lunch', 'al@clinic.example')).toEqual([]);
    expect(passwordPolicyProblems('alice in wonderland', 'ali@clinic.example')).toHaveLength(1);
  });

  it('never echoes the password', () => {
    const problems = passwordPolicyProblems('s3cret', EMAIL).join(' ');
    expect(problems).not.toContain('s3cret');
  });
});

describe('emailLocalPart', () => {
  it('takes the part before the last @, trimmed and lower-cased', () => {
    expect(emailLocalPart(' Jane.Doe@Clinic.example ')).toBe('jane.doe');
    expect(emailLocalPart('"odd@name"@clinic.example')).toBe('"odd@name"');
    expect(emailLocalPart('no-at-sign')).toBe('no-at-sign');
  });
});
