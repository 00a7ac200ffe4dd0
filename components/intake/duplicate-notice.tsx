'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

import { checkDuplicatesAction, type DuplicateCheckResult } from '@/app/(staff)/intake/actions';
import { focusRing } from '@/components/forms/styles';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatCalendarDate, formatDate } from '@/lib/format/date-time';

/** Pause after the last change before asking the server. */
const CHECK_DELAY_MS = 400;

export interface DuplicatePatient {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly mrn: string;
}

const MATCHED_ON = { name_and_dob: 'name and date of birth', mrn: 'MRN', both: 'name, date of birth and MRN' } as const;

/**
 * "Possible existing case": cases that already hold this name + date of birth or MRN
 * (checkDuplicatesAction). One the person may open is named with links to it and to its
 * re-assessment; one outside their access is only mentioned. Nothing shows without a match.
 */
export function DuplicateNotice({ patient }: { readonly patient: DuplicatePatient }) {
  const { firstName, lastName, dateOfBirth, mrn } = patient;
  const [result, setResult] = useState<DuplicateCheckResult | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      checkDuplicatesAction({ firstName, lastName, dateOfBirth, mrn })
        .then((answer) => {
          if (current) setResult(answer);
        })
        .catch(() => {
          // Unreachable server: no notice (the check is a help, not a gate); the next change retries.
        });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [firstName, lastName, dateOfBirth, mrn]);

  const found = result?.status === 'success' ? result : null;
  const matches = found !== null && (found.visible.length > 0 || found.hidden > 0);

  return (
    <div role="status" data-testid="duplicate-notice">
      {matches ? (
        <section
          aria-labelledby="duplicate-heading"
          className="rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-slate-900"
        >
          <h3 id="duplicate-heading" className="text-lg font-semibold">
            Possible existing case
          </h3>
          <p className="mt-1">Open it or record a re-assessment there instead of creating a new case.</p>
          {found.visible.length > 0 ? (
            <ul className="mt-3 space-y-3">
              {found.visible.map((match) => (
                <li key={match.id} className="border-t border-amber-300 pt-2">
                  <p className="font-semibold">{match.patientName}</p>
                  <p>
                    Born {formatCalendarDate(match.dateOfBirth)}
                    {match.mrn ? ` · MRN ${match.mrn}` : ''} · {CASE_STATUS_LABELS[match.status]} · intake{' '}
                    {formatDate(new Date(match.intakeAt))} · same {MATCHED_ON[match.matchedOn]}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-4">
                    <Link href={`/cases/${match.id}`} className={`underline underline-offset-2 ${focusRing}`}>
                      Open the case of {match.patientName}
                    </Link>
                    <Link href={`/cases/${match.id}/reassess`} className={`underline underline-offset-2 ${focusRing}`}>
                      Re-assess {match.patientName} instead
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          {found.hidden > 0 ? <p className="mt-3 font-medium">An existing case matches — ask a supervisor.</p> : null}
        </section>
      ) : null}
    </div>
  );
}
