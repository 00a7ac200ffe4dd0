// How an export refusal is answered: the HTTP status per kind, and the consent's reason in
// plain words that name the date or the recipient.
import { describe, expect, it } from 'vitest';

import type { ConsentTerms } from '@/lib/consent/permits';
import { CONSENT_REFUSALS, type ConsentRefusal } from '@/lib/consent/permits';
import { consentRefusalMessage, EXPORT_REFUSAL_STATUS } from '@/lib/referrals/export-refusal';

const terms = (overrides: Partial<ConsentTerms> = {}): ConsentTerms => ({
  kind: 'named',
  recipientName: 'Harbor House',
  purpose: 'referral for treatment',
  expiryKind: 'date',
  expiresOn: '2026-07-01',
  expiryEvent: null,
  signedAt: new Date('2026-04-01T15:00:00Z'),
  revokedAt: null,
  ...overrides,
});

describe('export refusal status', () => {
  it('answers 403 forbidden, 404 not found, 409 for a consent refusal', () => {
    expect(EXPORT_REFUSAL_STATUS).toEqual({ forbidden: 403, not_found: 404, consent: 409 });
  });
});

describe('consentRefusalMessage', () => {
  const utc = { timeZone: 'UTC' };
  it('names the day a consent was revoked', () => {
    const message = consentRefusalMessage('revoked', terms({ revokedAt: new Date('2026-05-02T10:00:00Z') }), 'X', utc);
    expect(message).toBe('Consent was revoked on May 2, 2026.');
  });
  it('names the expiry date or event', () => {
    expect(consentRefusalMessage('expired', terms(), 'X', utc)).toBe('Consent expired after Jul 1, 2026.');
    expect(
      consentRefusalMessage(
        'expired',
        terms({ expiryKind: 'event', expiresOn: null, expiryEvent: 'end of treatment' }),
        'X',
      ),
    ).toBe('Consent expired at “end of treatment”.');
  });
  it('names the recipient when there is no consent or it names another', () => {
    expect(consentRefusalMessage('no_consent', null, 'Bay Clinic')).toBe(
      'There is no signed consent that permits disclosure to Bay Clinic.',
    );
    expect(consentRefusalMessage('wrong_recipient', terms(), 'Bay Clinic')).toBe(
      'The consent does not name Bay Clinic as a recipient.',
    );
  });
  it('has words for every permits() refusal', () => {
    for (const reason of Object.keys(CONSENT_REFUSALS) as ConsentRefusal[])
      expect(consentRefusalMessage(reason, terms(), 'X').length).toBeGreaterThan(10);
  });
});
