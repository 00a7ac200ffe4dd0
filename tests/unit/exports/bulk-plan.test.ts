// chooseConsent (lib/exports/bulk/plan.ts): which consent a bulk export may rely on for one case.
import { describe, expect, it } from 'vitest';

import { PURPOSES } from '@/lib/consent/part2-wording';
import type { ConsentTerms } from '@/lib/consent/permits';
import { chooseConsent, NOT_FOUND_MESSAGE, skipReasonText } from '@/lib/exports/bulk/plan';

const now = new Date('2026-04-01T15:00:00Z');
const disclosure = { recipientName: 'Harbor House', purpose: PURPOSES.referral };

function consent(id: string, overrides: Partial<ConsentTerms> = {}): ConsentTerms & { id: string } {
  return {
    id,
    kind: 'named',
    recipientName: 'Harbor House',
    purpose: PURPOSES.referral,
    expiryKind: 'date',
    expiresOn: '2026-07-01',
    expiryEvent: null,
    signedAt: new Date('2026-03-01T15:00:00Z'),
    revokedAt: null,
    ...overrides,
  };
}

describe('chooseConsent', () => {
  it('refuses with no_consent when the case has none', () => {
    expect(chooseConsent('NEW', [], disclosure, now)).toMatchObject({ ok: false, reason: 'no_consent' });
  });

  it('takes the first (newest) consent that permits, skipping ones that do not', () => {
    const result = chooseConsent(
      'NEW',
      [consent('a', { revokedAt: new Date('2026-03-15T00:00:00Z') }), consent('b'), consent('c')],
      disclosure,
      now,
    );
    expect(result).toMatchObject({ ok: true, consent: { id: 'b' } });
  });

  it.each([
    ['revoked', { revokedAt: new Date('2026-03-15T00:00:00Z') }],
    ['expired', { expiresOn: '2026-03-31' }],
    ['wrong_recipient', { recipientName: 'Other Place' }],
    ['not_yet_signed', { signedAt: new Date('2026-04-02T00:00:00Z') }],
  ] as const)('reports %s when the only consent does not permit', (reason, overrides) => {
    expect(chooseConsent('NEW', [consent('a', overrides)], disclosure, now)).toMatchObject({ ok: false, reason });
  });

  it('reports the first refusal among several', () => {
    const result = chooseConsent(
      'NEW',
      [consent('a', { recipientName: 'Other Place' }), consent('b', { expiresOn: '2026-01-01' })],
      disclosure,
      now,
    );
    expect(result).toMatchObject({ ok: false, reason: 'wrong_recipient' });
  });

  it('treats a CLOSED case as the "end of treatment" event that ends an event consent', () => {
    const byEvent = consent('a', { expiryKind: 'event', expiresOn: null, expiryEvent: 'end of treatment' });
    expect(chooseConsent('IN_REVIEW', [byEvent], disclosure, now).ok).toBe(true);
    expect(chooseConsent('CLOSED', [byEvent], disclosure, now)).toMatchObject({ ok: false, reason: 'expired' });
  });
});

describe('skipReasonText', () => {
  it('words each skip reason for the progress page; anything else reads as outside access', () => {
    expect(skipReasonText('no_consent')).toBe('There is no signed consent for this disclosure.');
    expect(skipReasonText('revoked')).toBe('The consent was revoked.');
    expect(skipReasonText('expired')).toBe('The consent has expired.');
    expect(skipReasonText('wrong_recipient')).toBe('The consent does not name this recipient.');
    expect(skipReasonText('not_found')).toBe(NOT_FOUND_MESSAGE);
    expect(skipReasonText('toString')).toBe(NOT_FOUND_MESSAGE);
  });
});
