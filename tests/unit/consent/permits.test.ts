// permits(): every reason a consent does not permit a disclosure, and the boundaries of expiry
// and revocation (time is passed in; the program zone is fixed for the test).
import { describe, expect, it } from 'vitest';

import { permits, sameRecipient, eventsOccurredFor, type ConsentTerms } from '@/lib/consent/permits';
import { PART2_NOTICE_FULL, PART2_NOTICE_SHORT, PURPOSES, TPO_RECIPIENT_CLASS } from '@/lib/consent/part2-wording';

const zone = { timeZone: 'America/New_York' };
const SIGNED = new Date('2026-03-01T15:00:00Z');
const named: ConsentTerms = {
  kind: 'named',
  recipientName: 'Harbor House Residential',
  purpose: PURPOSES.referral,
  expiryKind: 'date',
  expiresOn: '2026-06-30',
  expiryEvent: null,
  signedAt: SIGNED,
  revokedAt: null,
};
const tpo: ConsentTerms = {
  ...named,
  kind: 'tpo',
  recipientName: TPO_RECIPIENT_CLASS,
  purpose: PURPOSES.tpo,
  expiryKind: 'none',
  expiresOn: null,
};
const toHarbor = { recipientName: 'Harbor House Residential', purpose: PURPOSES.referral } as const;
const now = new Date('2026-04-01T15:00:00Z');

describe('permits', () => {
  it('permits a disclosure to the named recipient for the named purpose while in force', () => {
    expect(permits(named, toHarbor, now, zone)).toEqual({ ok: true });
  });

  it('refuses without a consent', () => {
    expect(permits(null, toHarbor, now, zone)).toMatchObject({ ok: false, reason: 'no_consent' });
    expect(permits(undefined, toHarbor, now, zone)).toMatchObject({ ok: false, reason: 'no_consent' });
  });

  it('refuses a disclosure before the consent was signed', () => {
    expect(permits(named, toHarbor, new Date(SIGNED.getTime() - 1), zone)).toMatchObject({ reason: 'not_yet_signed' });
    expect(permits(named, toHarbor, SIGNED, zone)).toEqual({ ok: true });
  });

  it('refuses from the instant of revocation on, and permits just before it', () => {
    const revokedAt = new Date('2026-04-01T12:00:00Z');
    const revoked = { ...named, revokedAt };
    expect(permits(revoked, toHarbor, new Date(revokedAt.getTime() - 1), zone)).toEqual({ ok: true });
    expect(permits(revoked, toHarbor, revokedAt, zone)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(permits(revoked, toHarbor, now, zone).ok).toBe(false);
  });

  it('a revoked TPO consent no longer permits anything (§2.33(a)(2))', () => {
    expect(permits({ ...tpo, revokedAt: SIGNED }, toHarbor, now, zone)).toMatchObject({ reason: 'revoked' });
  });

  it('permits through the whole expiry day in the program zone, and refuses the day after', () => {
    // 2026-07-01T03:59Z is still 30 June in New York.
    expect(permits(named, toHarbor, new Date('2026-07-01T03:59:00Z'), zone)).toEqual({ ok: true });
    expect(permits(named, toHarbor, new Date('2026-07-01T04:00:00Z'), zone)).toMatchObject({ reason: 'expired' });
  });

  it('a date expiry without a date is treated as expired (fails closed)', () => {
    expect(permits({ ...named, expiresOn: null }, toHarbor, now, zone)).toMatchObject({ reason: 'expired' });
  });

  it('an event expiry ends when the event has happened', () => {
    const untilDischarge = { ...named, expiryKind: 'event' as const, expiresOn: null, expiryEvent: 'end of treatment' };
    expect(permits(untilDischarge, toHarbor, now, zone)).toEqual({ ok: true });
    expect(
      permits(untilDischarge, { ...toHarbor, eventsOccurred: eventsOccurredFor('CLOSED') }, now, zone),
    ).toMatchObject({ reason: 'expired' });
    expect(permits(untilDischarge, { ...toHarbor, eventsOccurred: eventsOccurredFor('REFERRED') }, now, zone)).toEqual({
      ok: true,
    });
    expect(permits({ ...untilDischarge, expiryEvent: null }, toHarbor, now, zone)).toMatchObject({ reason: 'expired' });
  });

  it('refuses another recipient than the one named, ignoring case, accents and spacing', () => {
    expect(permits(named, { ...toHarbor, recipientName: 'Seaside Detox' }, now, zone)).toMatchObject({
      reason: 'wrong_recipient',
    });
    expect(permits(named, { ...toHarbor, recipientName: '  harbor  HOUSE residential ' }, now, zone)).toEqual({
      ok: true,
    });
  });

  it('refuses another purpose than the one named', () => {
    expect(permits(named, { ...toHarbor, purpose: PURPOSES.patientRequest }, now, zone)).toMatchObject({
      reason: 'wrong_purpose',
    });
    expect(permits(named, { ...toHarbor, purpose: PURPOSES.tpo }, now, zone)).toMatchObject({
      reason: 'wrong_purpose',
    });
  });

  it('a TPO consent with no expiry covers any treating provider for treatment, not a patient-request disclosure', () => {
    expect(
      permits(tpo, { recipientName: 'Any Clinic', purpose: PURPOSES.referral }, new Date('2036-01-01'), zone),
    ).toEqual({ ok: true });
    expect(permits(tpo, { recipientName: 'Any Clinic', purpose: PURPOSES.tpo }, now, zone)).toEqual({ ok: true });
    expect(permits(tpo, { recipientName: 'Any Clinic', purpose: PURPOSES.patientRequest }, now, zone)).toMatchObject({
      reason: 'wrong_purpose',
    });
  });

  it('checks in order: revoked wins over expired, expired over wrong recipient', () => {
    const both = { ...named, revokedAt: SIGNED, expiresOn: '2026-03-02' };
    expect(permits(both, { ...toHarbor, recipientName: 'X' }, now, zone)).toMatchObject({ reason: 'revoked' });
    expect(permits({ ...both, revokedAt: null }, { ...toHarbor, recipientName: 'X' }, now, zone)).toMatchObject({
      reason: 'expired',
    });
  });

  it('gives a message for every refusal', () => {
    const result = permits(null, toHarbor, now, zone);
    expect(result.ok === false && result.message).toBe('There is no signed consent for this disclosure.');
  });
});

describe('sameRecipient', () => {
  it('never matches an empty name', () => {
    expect(sameRecipient('', '')).toBe(false);
    expect(sameRecipient(' - ', '')).toBe(false);
  });
  it('matches accented and unaccented spellings', () => {
    expect(sameRecipient('Clínica Núñez', 'clinica nunez')).toBe(true);
  });
});

describe('Part 2 notice wording (2024 rule)', () => {
  it('is the 2024 statement, not the pre-2024 one', () => {
    expect(
      PART2_NOTICE_FULL.startsWith(
        'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2).',
      ),
    ).toBe(true);
    expect(PART2_NOTICE_FULL).toContain('covered entity or business associate');
    expect(PART2_NOTICE_FULL).toContain('(see 42 CFR 2.31).');
    expect(PART2_NOTICE_FULL).not.toContain('criminally investigate or prosecute');
    expect(PART2_NOTICE_SHORT).toBe('42 CFR part 2 prohibits unauthorized use or disclosure of these records.');
  });
});
