'use client';

import type { InstrumentItems } from '@/lib/intake/form/to-intake';
import { formatCalendarDate } from '@/lib/format/date-time';
import { INSTRUMENTS, severityBandFor, type InstrumentId } from '@/lib/instruments';
import {
  COVERAGE_TYPE_LABELS,
  CURRENT_MEDICATION_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  HOUSING_STATUS_LABELS,
  LEGAL_STATUS_LABELS,
  READINESS_STAGE_LABELS,
  ROUTE_LABELS,
  SUBSTANCE_CATEGORY_LABELS,
  SUPPORT_SYSTEM_LABELS,
  isIntakeV2,
  type AnyIntake,
} from '@/lib/intake';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function instrumentText(id: InstrumentId, total: number | null, itemized: boolean): string {
  if (total === null) return 'Not assessed';
  const instrument = INSTRUMENTS[id];
  return `${total} of ${instrument.maxTotal} — ${severityBandFor(instrument, total).label}${itemized ? ' (answered item by item)' : ''}`;
}

// The rows' and cells' styles are set once on their list and table, not on each of the ~40 rows
// (the page is sent as HTML and rendered again on hydration: every repeated class costs twice).
function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-300 bg-white p-4">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <dl className="mt-1 divide-y divide-slate-100 *:grid *:gap-1 *:py-1.5 sm:*:grid-cols-[18rem_1fr] [&_dd]:text-slate-800 [&_dt]:font-medium [&_dt]:text-slate-900">
        {children}
      </dl>
    </section>
  );
}

/** The stored intake of either version, section by section, in the words of the form. */
export function IntakeSummary({
  intake,
  instrumentItems,
}: {
  intake: AnyIntake;
  instrumentItems: InstrumentItems | null;
}) {
  const { withdrawal: w, biomedical: b, mentalHealth: m, environment: e, socialNeeds: s } = intake;
  const v2 = isIntakeV2(intake) ? intake : null;
  return (
    <div className="space-y-4">
      <section className="rounded-lg border border-slate-300 bg-white p-4">
        <h3 className="font-semibold text-slate-900">Substances</h3>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col">Substance</th>
                <th scope="col">Category</th>
                <th scope="col">Route</th>
                <th scope="col">Days used (last 30)</th>
                <th scope="col">Months of regular use</th>
                <th scope="col">Last use</th>
                {v2 ? <th scope="col">Prescribed</th> : null}
              </tr>
            </thead>
            <tbody>
              {intake.substances.map((entry, index) => (
                <tr key={index} className="border-b border-slate-100">
                  <th scope="row" className="font-medium">
                    {entry.name}
                    {entry.primary ? (
                      <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900">primary</span>
                    ) : null}
                  </th>
                  <td>{SUBSTANCE_CATEGORY_LABELS[entry.category]}</td>
                  <td>{ROUTE_LABELS[entry.route]}</td>
                  <td>{entry.daysUsedLast30}</td>
                  <td>{entry.durationMonths}</td>
                  <td>{entry.lastUse ? formatCalendarDate(entry.lastUse) : '—'}</td>
                  {'prescribed' in entry ? <td>{yesNo(entry.prescribed)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {intake.notes?.substances ? (
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">Notes: {intake.notes.substances}</p>
        ) : null}
      </section>
      {v2 ? (
        <Group title="Overdose risk and medication">
          <Row term="Overdose in the last 12 months">{yesNo(v2.overdoseRisk.overdoseLast12Months)}</Row>
          <Row term="Lost tolerance (released in the last 30 days)">{yesNo(v2.overdoseRisk.lostTolerance)}</Row>
          <Row term="Uses alone">{yesNo(v2.overdoseRisk.usesAlone)}</Row>
          <Row term="Naloxone on hand">
            {v2.overdoseRisk.naloxoneOnHand === null ? 'Not known' : yesNo(v2.overdoseRisk.naloxoneOnHand)}
          </Row>
          <Row term="Current medication">{CURRENT_MEDICATION_LABELS[v2.treatment.currentMedication]}</Row>
        </Group>
      ) : null}
      <Group title="Withdrawal">
        <Row term="CIWA-Ar">{instrumentText('ciwaAr', w.ciwaAr, Boolean(instrumentItems?.ciwaAr))}</Row>
        <Row term="COWS">{instrumentText('cows', w.cows, Boolean(instrumentItems?.cows))}</Row>
        <Row term="CIWA-B">{instrumentText('ciwaB', w.ciwaB, false)}</Row>
        <Row term="History of withdrawal seizures">{yesNo(w.historySeizures)}</Row>
        <Row term="History of delirium tremens">{yesNo(w.historyDeliriumTremens)}</Row>
        <Row term="History of withdrawal hallucinations">{yesNo(w.historyHallucinations)}</Row>
        <Row term="Seizure or delirium now">{yesNo(w.currentSeizureOrDelirium)}</Row>
        {intake.notes?.withdrawal ? <Row term="Notes">{intake.notes.withdrawal}</Row> : null}
      </Group>
      <Group title="Medical">
        <Row term="Unstable medical condition">{yesNo(b.unstableMedical)}</Row>
        <Row term="Needs 24-hour medical care">{yesNo(b.needs24hMedical)}</Row>
        <Row term="Chronic conditions">
          {b.chronicConditions.length > 0 ? b.chronicConditions.join(', ') : 'None listed'}
        </Row>
        {intake.notes?.medical ? <Row term="Notes">{intake.notes.medical}</Row> : null}
      </Group>
      <Group title="Mental health">
        <Row term="PHQ-9">{instrumentText('phq9', m.phq9, Boolean(instrumentItems?.phq9))}</Row>
        <Row term="PHQ-9 item 9 (thoughts of self-harm)">{m.phq9Item9 === null ? 'Not assessed' : m.phq9Item9}</Row>
        <Row term="GAD-7">{instrumentText('gad7', m.gad7, Boolean(instrumentItems?.gad7))}</Row>
        <Row term="Suicidal ideation with a plan">{yesNo(m.suicidalIdeationWithPlan)}</Row>
        <Row term="Psychosis">{yesNo(m.psychosis)}</Row>
        {v2 ? (
          <Row term="Suicide attempt in the last 3 months">{yesNo(v2.mentalHealth.suicideAttemptLast3Months)}</Row>
        ) : null}
        {v2 ? (
          <Row term="Thoughts of seriously harming someone now">{yesNo(v2.mentalHealth.homicidalIdeation)}</Row>
        ) : null}
        {intake.notes?.mentalHealth ? <Row term="Notes">{intake.notes.mentalHealth}</Row> : null}
      </Group>
      <Group title="Readiness and history">
        <Row term="Stage of change">{READINESS_STAGE_LABELS[intake.readiness.stage]}</Row>
        <Row term="Prior treatment episodes">{intake.relapse.priorTreatmentEpisodes}</Row>
      </Group>
      <Group title="Environment and social needs">
        <Row term="Housing">{HOUSING_STATUS_LABELS[e.housing]}</Row>
        <Row term="Lives with someone who actively uses">{yesNo(e.livesWithActiveUser)}</Row>
        <Row term="Support system">{SUPPORT_SYSTEM_LABELS[e.supportSystem]}</Row>
        <Row term="Interpersonal safety concern">{yesNo(e.interpersonalSafetyConcern)}</Row>
        {v2 ? (
          <Row term="Support for withdrawal at home">{yesNo(v2.environment.ambulatoryWithdrawalSupport)}</Row>
        ) : null}
        {v2 ? (
          <Row term="Lives alone">
            {v2.environment.livesAlone === undefined ? 'Not asked' : yesNo(v2.environment.livesAlone)}
          </Row>
        ) : null}
        {v2 ? (
          <Row term="Preferred language">
            {v2.patient.preferredLanguage ?? '—'}
            {v2.patient.interpreterNeeded ? ' (interpreter needed)' : ''}
          </Row>
        ) : null}
        {v2 ? <Row term="Coverage">{COVERAGE_TYPE_LABELS[v2.patient.coverage]}</Row> : null}
        {v2 ? (
          <Row term="Emergency contact">
            {v2.patient.emergencyContact
              ? `${v2.patient.emergencyContact.name} (${v2.patient.emergencyContact.relationship}), ${v2.patient.emergencyContact.phone}`
              : 'None given'}
          </Row>
        ) : null}
        <Row term="Employment">{EMPLOYMENT_STATUS_LABELS[s.employment]}</Row>
        <Row term="Financial strain">{yesNo(s.financialStrain)}</Row>
        <Row term="Legal situation">{LEGAL_STATUS_LABELS[s.legal]}</Row>
        <Row term="Transportation barrier">{yesNo(s.transportationBarrier)}</Row>
        <Row term="Food insecurity">{yesNo(s.foodInsecurity)}</Row>
        {intake.notes?.social ? <Row term="Notes">{intake.notes.social}</Row> : null}
      </Group>
      {intake.notes?.general ? (
        <Group title="General notes">
          <Row term="Notes">{intake.notes.general}</Row>
        </Group>
      ) : null}
    </div>
  );
}
