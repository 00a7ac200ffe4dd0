import 'server-only';

import { can } from '@/lib/auth/permissions';
import type { StaffRole } from '@/lib/auth/permissions';
import type { ConsentView } from '@/lib/consent/service';
import { calendarDateOf, formatCalendarDate, formatDateTime } from '@/lib/format/date-time';

import { ConsentForm } from './consent-form';
import { RevokeConsentForm } from './revoke-consent-form';

/** The case's consents to disclose (42 CFR Part 2): everyone who may open the case sees them. */
export function ConsentSection({
  caseId,
  consents,
  role,
}: {
  caseId: string;
  consents: readonly ConsentView[];
  role: StaffRole;
}) {
  const mayRecord = can(role, 'case:consent');
  return (
    <section aria-labelledby="consent-heading" className="space-y-3" data-testid="consent-section">
      <h2 id="consent-heading" className="text-xl font-semibold text-slate-900">
        Consent to disclose (42 CFR Part 2)
      </h2>
      {consents.length === 0 ? <p className="text-slate-700">No consent recorded.</p> : null}
      <ol className="space-y-2">
        {consents.map((consent) => (
          <li
            key={consent.id}
            className="rounded-md border border-slate-300 bg-white p-3 text-slate-900"
            data-testid="consent-entry"
          >
            <p className="font-semibold">
              {consent.kind === 'tpo' ? 'TPO consent' : `To ${consent.recipientName}`} — {consent.purpose}
              {consent.revocation ? <span className="ml-2 rounded bg-red-100 px-2 text-red-900">Revoked</span> : null}
            </p>
            <p className="text-sm">Information: {consent.information}</p>
            {consent.recipientContact ? <p className="text-sm">Contact: {consent.recipientContact}</p> : null}
            <p className="text-sm">
              Expires:{' '}
              {consent.expiryKind === 'date' && consent.expiresOn
                ? formatCalendarDate(consent.expiresOn)
                : consent.expiryKind === 'event'
                  ? consent.expiryEvent
                  : 'none (until revoked)'}
            </p>
            <p className="text-sm">
              Signed “{consent.signatureName}”{' '}
              {consent.signatureMethod === 'paper'
                ? `on paper, witnessed by ${consent.witnessedByName ?? '—'}, `
                : 'electronically, '}
              {consent.signatureMethod === 'paper'
                ? formatCalendarDate(calendarDateOf(consent.signedAt))
                : formatDateTime(consent.signedAt, { withZone: true })}
              ; recorded by {consent.recordedByName}
            </p>
            {consent.revocation ? (
              <p className="text-sm text-red-900">
                Revoked {formatDateTime(consent.revocation.revokedAt, { withZone: true })} ({consent.revocation.method}
                ), recorded by {consent.revocation.recordedByName}
              </p>
            ) : mayRecord ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium text-sky-900 underline">
                  Record a revocation
                </summary>
                <RevokeConsentForm consentId={consent.id} />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {mayRecord ? (
        <ConsentForm
          caseId={caseId}
          defaultInformation={`the intake assessment, level-of-care recommendation and referral summary of ${calendarDateOf(new Date())}`}
        />
      ) : null}
    </section>
  );
}
