// The consent form's §2.31 rules: what a named consent and a TPO consent must say.
import { describe, expect, it } from 'vitest';

import { PURPOSES, TPO_RECIPIENT_CLASS, TPO_REDISCLOSURE_TEXT } from '@/lib/consent/part2-wording';
import { makeConsentInputSchema, toConsentRecord } from '@/lib/consent/schemas';

const schema = makeConsentInputSchema('2026-04-01');
const named = {
  kind: 'named',
  information: 'the intake assessment, level-of-care recommendation and referral summary of 2026-04-01',
  recipientName: 'Harbor House',
  recipientContact: '12 Dock St, Portland ME; 207-555-0100',
  purpose: PURPOSES.referral,
  expiryKind: 'date',
  expiresOn: '2026-07-01',
  expiryEvent: '',
  signatureMethod: 'typed',
  signatureName: 'Nguyễn Văn An',
  signedOn: '',
};
const errorsOf = (value: object) => {
  const result = schema.safeParse(value);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
};

describe('makeConsentInputSchema', () => {
  it('accepts a complete named consent', () => {
    expect(errorsOf(named)).toEqual({});
  });
  it('requires the recipient, its contact and a purpose for a named consent', () => {
    expect(errorsOf({ ...named, recipientName: ' ', recipientContact: '', purpose: '' })).toEqual({
      recipientName: 'Name the program or provider that receives it',
      recipientContact: 'Give the recipient’s address or contact',
      purpose: 'Choose the purpose',
    });
  });
  it('allows "no expiry" only for a TPO consent', () => {
    expect(errorsOf({ ...named, expiryKind: 'none' })).toEqual({ expiryKind: 'Only a TPO consent may have no expiry' });
    expect(
      errorsOf({ ...named, kind: 'tpo', expiryKind: 'none', recipientName: '', recipientContact: '', purpose: '' }),
    ).toEqual({});
  });
  it('refuses an expiry date in the past and a paper signature dated in the future', () => {
    expect(errorsOf({ ...named, expiresOn: '2026-03-31' })).toEqual({ expiresOn: 'The expiry date is in the past' });
    expect(errorsOf({ ...named, signatureMethod: 'paper', signedOn: '2026-04-02' })).toEqual({
      signedOn: 'The date signed is in the future',
    });
  });
  it('requires the information description and the signature name', () => {
    expect(errorsOf({ ...named, information: '', signatureName: '' })).toMatchObject({
      information: 'Describe the information to be disclosed',
      signatureName: 'Type the name the patient signed with',
    });
  });
});

describe('toConsentRecord', () => {
  const context = { patientName: 'Nguyễn Văn An', discloser: 'Test Program', now: new Date('2026-04-01T15:00:00Z') };
  it('gives a TPO consent the class recipient, the TPO purpose and the redisclosure statement', () => {
    const input = schema.parse({ ...named, kind: 'tpo', expiryKind: 'none' });
    expect(toConsentRecord(input, context)).toMatchObject({
      recipientName: TPO_RECIPIENT_CLASS,
      recipientContact: null,
      purpose: PURPOSES.tpo,
      expiresOn: null,
      redisclosureText: TPO_REDISCLOSURE_TEXT,
    });
  });
  it('signs a typed signature now and a paper one on its day', () => {
    expect(toConsentRecord(schema.parse(named), context).signedAt).toEqual(context.now);
    const paper = schema.parse({ ...named, signatureMethod: 'paper', signedOn: '2026-03-30' });
    expect(toConsentRecord(paper, context).signedAt.toISOString()).toBe('2026-03-30T12:00:00.000Z');
  });
});
