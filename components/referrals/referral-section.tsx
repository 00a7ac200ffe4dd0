import 'server-only';

import { can, type StaffRole } from '@/lib/auth/permissions';
import { eventsOccurredFor, permits } from '@/lib/consent/permits';
import { PURPOSES } from '@/lib/consent/part2-wording';
import type { ConsentView } from '@/lib/consent/service';
import { formatDateTime } from '@/lib/format/date-time';
import { buttonClass } from '@/components/forms/styles';
import type { EmergencyDisclosureView } from '@/lib/referrals/emergency';
import type { ReferralView } from '@/lib/referrals/export-source';
import { allowedNextStatuses, REFERRAL_STATUS_LABELS } from '@/lib/referrals/transitions';

import { EmergencyForm } from './emergency-form';
import { ReferralForm } from './referral-form';
import { ReferralStatusForm } from './referral-status-form';

/** The case's referrals (issue 11 item 2): list, history, status moves, exports and the new-referral form. */
export function ReferralSection({
  caseId,
  caseStatus,
  referrals,
  consents,
  role,
  defaultLevel,
  defaultWm,
}: {
  caseId: string;
  caseStatus: string;
  referrals: readonly ReferralView[];
  /** The case's consents, as the consent section lists them: referrals are made under them. */
  consents: readonly ConsentView[];
  role: StaffRole;
  defaultLevel: string;
  defaultWm: string;
}) {
  const mayRefer = can(role, 'case:consent');
  const mayExport = can(role, 'case:export');
  const now = new Date();
  const events = eventsOccurredFor(caseStatus);
  // In force for a referral to the consent's own recipient (a TPO consent covers any treating provider).
  const inForce = consents.filter(
    (consent) =>
      permits(
        consent,
        {
          recipientName: consent.kind === 'tpo' ? 'any' : consent.recipientName,
          purpose: PURPOSES.referral,
          eventsOccurred: events,
        },
        now,
      ).ok,
  );
  const consentLabel = (id: string) => {
    const consent = consents.find((candidate) => candidate.id === id);
    if (!consent) return 'unknown consent';
    const who = consent.kind === 'tpo' ? 'TPO consent' : `Consent to ${consent.recipientName}`;
    return `${who}, signed ${formatDateTime(consent.signedAt)}${consent.revocation ? ' (revoked)' : ''}`;
  };
  return (
    <section aria-labelledby="referrals-heading" className="space-y-3" data-testid="referral-section">
      <h2 id="referrals-heading" className="text-xl font-semibold text-slate-900">
        Referrals
      </h2>
      {referrals.length === 0 ? <p className="text-slate-700">No referrals yet.</p> : null}
      <ol className="space-y-2">
        {referrals.map((referral) => {
          const next = allowedNextStatuses(referral.status);
          const base = `/api/cases/${caseId}/referrals/${referral.id}/export`;
          return (
            <li
              key={referral.id}
              className="rounded-md border border-slate-300 bg-white p-3 text-slate-900"
              data-testid="referral-entry"
            >
              <p className="font-semibold">
                To {referral.recipientName} — level {referral.requestedLevel}
                {referral.requestedWm === 'none' ? '' : `, ${referral.requestedWm}`}
                <span className="ml-2 rounded bg-slate-100 px-2 text-sm" data-testid="referral-status">
                  {REFERRAL_STATUS_LABELS[referral.status]}
                </span>
              </p>
              {referral.recipientAddress ? <p className="text-sm">Address: {referral.recipientAddress}</p> : null}
              {referral.recipientContact ? <p className="text-sm">Contact: {referral.recipientContact}</p> : null}
              <p className="text-sm">Reason: {referral.reason}</p>
              <p className="text-sm">
                Referred by {referral.referringStaffName}; {consentLabel(referral.consentId)}
              </p>
              <details className="text-sm">
                <summary className="cursor-pointer text-sky-900 underline">History</summary>
                <ol className="ml-4 list-disc">
                  {referral.history.map((entry, index) => (
                    <li key={index}>
                      {REFERRAL_STATUS_LABELS[entry.status]} — {formatDateTime(entry.at, { withZone: true })} by{' '}
                      {entry.byName}
                      {entry.reason ? ` (${entry.reason})` : ''}
                    </li>
                  ))}
                </ol>
              </details>
              {mayExport ? (
                <p className="mt-2 flex flex-wrap gap-2">
                  <a className={buttonClass.secondary} href={`${base}?format=fhir`} download>
                    Download FHIR
                  </a>
                  <a className={buttonClass.secondary} href={`${base}?format=pdf`} download>
                    Download PDF
                  </a>
                </p>
              ) : null}
              {mayRefer && next.length > 0 ? <ReferralStatusForm referralId={referral.id} next={next} /> : null}
            </li>
          );
        })}
      </ol>
      {mayRefer ? (
        <ReferralForm
          caseId={caseId}
          consents={inForce.map((consent) => ({ id: consent.id, label: consentLabel(consent.id) }))}
          defaultLevel={defaultLevel}
          defaultWm={defaultWm}
        />
      ) : null}
    </section>
  );
}

/** §2.51 disclosures without consent, each a flagged row; the form for CLINICIAN and up. */
export function EmergencyDisclosureSection({
  caseId,
  disclosures,
  role,
}: {
  caseId: string;
  disclosures: readonly EmergencyDisclosureView[];
  role: StaffRole;
}) {
  return (
    <section aria-labelledby="emergency-heading" className="space-y-3" data-testid="emergency-section">
      <h2 id="emergency-heading" className="text-xl font-semibold text-slate-900">
        Emergency disclosures (42 CFR 2.51)
      </h2>
      {disclosures.length === 0 ? <p className="text-slate-700">No emergency disclosures.</p> : null}
      <ol className="space-y-2">
        {disclosures.map((disclosure) => (
          <li
            key={disclosure.id}
            className="rounded-md border-2 border-red-700 bg-amber-50 p-3 text-slate-900"
            data-testid="emergency-entry"
          >
            <p className="font-semibold text-red-900">
              <span aria-hidden="true">⚠ </span>Emergency disclosure without consent
            </p>
            <p className="text-sm">
              To {disclosure.recipientName}
              {disclosure.recipientContact ? ` (${disclosure.recipientContact})` : ''} at{' '}
              {formatDateTime(disclosure.disclosedAt, { withZone: true })}
            </p>
            <p className="text-sm">Emergency: {disclosure.reason}</p>
            <p className="text-sm">Disclosed: {disclosure.information}</p>
            <p className="text-sm">
              Recorded by {disclosure.recordedByName}, {formatDateTime(disclosure.recordedAt, { withZone: true })}
            </p>
          </li>
        ))}
      </ol>
      {can(role, 'case:consent') ? <EmergencyForm caseId={caseId} /> : null}
    </section>
  );
}
