'use client';

import { ArrowLeft, ArrowRight } from 'lucide-react';
import { startTransition, useActionState, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';

import { reassessCaseAction } from '@/app/(staff)/cases/[id]/reassess/actions';
import { submitIntakeAction, type SubmitIntakeState } from '@/app/(staff)/intake/actions';
import { setFormValue } from '@/lib/intake/form/paths';
import { INTAKE_SECTIONS, fieldDomId, sectionOfPath, type IntakeSectionId } from '@/lib/intake/form/sections';
import type { FormIssue } from '@/lib/intake/form/to-intake';
import { emptySubstanceRow, type IntakeFormValues } from '@/lib/intake/form/values';

import { UrgentFlags } from '@/components/cases/urgent-flags';
import { buttonClass } from '@/components/forms/styles';

import { issuesStillCurrent } from './check-freshness';
import { DuplicateNotice } from './duplicate-notice';
import { IntakeFieldsContext, type IntakeFieldContext } from './form-context';
import { ProgressNav, type SectionProgress } from './progress-nav';
import { SaveStatus } from './save-status';
import { EnvironmentSection } from './section-environment';
import { MedicalSection } from './section-medical';
import { MentalHealthSection } from './section-mental-health';
import { PatientSection } from './section-patient';
import { ReadinessSection } from './section-readiness';
import { ReviewSection } from './section-review';
import { SubstancesSection } from './section-substances';
import { WithdrawalSection } from './section-withdrawal';
import { useDraftAutosave } from './use-draft-autosave';
import { useIntakeCheck } from './use-intake-check';

type FormAction =
  | { type: 'set'; path: string; value: unknown }
  | { type: 'addSubstance'; rowId: string }
  | { type: 'removeSubstance'; rowId: string }
  | { type: 'setPrimary'; rowId: string; primary: boolean };

function reduce(values: IntakeFormValues, action: FormAction): IntakeFormValues {
  switch (action.type) {
    case 'set':
      return setFormValue(values, action.path, action.value);
    case 'addSubstance':
      return { ...values, substances: [...values.substances, emptySubstanceRow(action.rowId, false)] };
    case 'removeSubstance':
      // No automatic new primary: which substance is primary is the person's answer, not ours.
      return values.substances.length <= 1
        ? values
        : { ...values, substances: values.substances.filter((row) => row.rowId !== action.rowId) };
    case 'setPrimary':
      return {
        ...values,
        substances: values.substances.map((row) =>
          row.rowId === action.rowId
            ? { ...row, primary: action.primary }
            : action.primary
              ? { ...row, primary: false }
              : row,
        ),
      };
  }
}

let rowCounter = 0;
/** Row keys only need to be unique in this page (crypto.randomUUID needs https, which a clinic LAN may not have). */
function newRowId(): string {
  rowCounter += 1;
  return `substance-${Date.now().toString(36)}-${rowCounter}`;
}

/**
 * Puts keyboard focus on the first question of `container` that has no answer yet (an empty text
 * field, a radio group with nothing chosen), in page order; false when every one is answered.
 */
function focusFirstUnanswered(container: HTMLElement): boolean {
  const controls = container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    'input, textarea, select',
  );
  for (const control of controls) {
    if (control.disabled || control.type === 'hidden' || control.type === 'checkbox') continue;
    if (control instanceof HTMLInputElement && control.type === 'radio') {
      const group = container.querySelectorAll<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(control.name)}"]`,
      );
      if ([...group].some((radio) => radio.checked)) continue;
    } else if (control.value.trim() !== '') continue;
    control.focus();
    return true;
  }
  return false;
}

/** Puts keyboard focus on a field's control (the checked or first radio of a group). */
function focusField(path: string): boolean {
  const element = document.getElementById(fieldDomId(path));
  if (!element) return false;
  if (element instanceof HTMLFieldSetElement || element.tagName === 'DIV') {
    const target = element.querySelector<HTMLElement>('input:checked, input, textarea, button');
    target?.focus();
    return target !== null;
  }
  element.focus();
  return true;
}

export interface IntakeFormProps {
  readonly draftId: string | null;
  readonly version: number | null;
  /** ISO time of the last save of this draft. */
  readonly savedAt: string | null;
  readonly initialValues: IntakeFormValues;
  readonly initialSection: IntakeSectionId;
  /** The program's time zone, for the "Saved at" time (see lib/format/date-time). */
  readonly timeZone: string;
  /**
   * Re-assessing an existing case (issue 9): no draft is kept, and submitting records a new
   * assessment of the case at the version the page was loaded with.
   */
  readonly reassess?: { readonly caseId: string; readonly caseVersion: number };
}

const REASSESS_TEXT = {
  explanation:
    'Submitting records a new assessment of this case with these answers and the recommendation the server computes from them by today’s rules. Earlier assessments are kept as they are.',
  button: 'Record re-assessment',
};

/**
 * The intake: eight sections with a progress indicator, saved on the server as staff go, checked
 * and placed on the server live, submitted as a case. Works from the keyboard alone: native
 * controls in order, section changes move focus to the new section's heading, and Enter never
 * submits anything but the final "Submit intake" button.
 */
export function IntakeForm({
  draftId: initialDraftId,
  version,
  savedAt,
  initialValues,
  initialSection,
  timeZone,
  reassess,
}: IntakeFormProps) {
  const [values, dispatch] = useReducer(reduce, initialValues);
  const [section, setSection] = useState<IntakeSectionId>(initialSection);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  // A reopened draft has been worked through up to its saved section: those sections count as left.
  const [leftSections, setLeftSections] = useState<ReadonlySet<IntakeSectionId>>(
    () =>
      new Set(
        INTAKE_SECTIONS.slice(
          0,
          INTAKE_SECTIONS.findIndex((entry) => entry.id === initialSection),
        ).map((entry) => entry.id),
      ),
  );
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const focusAfterRender = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const autosave = useDraftAutosave({
    draftId: initialDraftId,
    version,
    savedAt: savedAt ? new Date(savedAt) : null,
    values,
    section,
    enabled: reassess === undefined,
  });
  const check = useIntakeCheck(values);
  const [submitState, submit, submitting] = useActionState<
    SubmitIntakeState,
    { values: IntakeFormValues; draftId: string | null }
  >(
    (_previous, payload) =>
      reassess
        ? reassessCaseAction({ caseId: reassess.caseId, version: reassess.caseVersion, values: payload.values })
        : submitIntakeAction(payload),
    { status: 'idle' },
  );
  const [submittedValues, setSubmittedValues] = useState<IntakeFormValues | null>(null);

  // A refused submission keeps the draft: saving resumes.
  useEffect(() => {
    if (submitState.status === 'error') autosave.saver.resume();
  }, [submitState, autosave.saver]);

  const issues: readonly FormIssue[] = useMemo(() => {
    // A field's problems count only while it holds the answer that was checked: typing drops them.
    const fromCheck =
      check.result?.status === 'success' && check.result.outcome === 'incomplete'
        ? issuesStillCurrent(check.result.issues, check.checkedValues, values)
        : [];
    // The server's answer to a submission counts only while the answers are the ones submitted.
    const fromSubmit = submitState.status === 'error' && submittedValues === values ? (submitState.issues ?? []) : [];
    const seen = new Set<string>();
    return [...fromSubmit, ...fromCheck].filter((issue) => {
      const key = `${issue.path}\u0000${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [check.result, check.checkedValues, submitState, submittedValues, values]);

  const isVisible = useCallback(
    (issuePath: string) =>
      submitAttempted ||
      leftSections.has(sectionOfPath(issuePath)) ||
      [...touched].some(
        (path) => path === issuePath || path.startsWith(`${issuePath}.`) || path.startsWith(`${issuePath}[`),
      ),
    [submitAttempted, leftSections, touched],
  );

  const errorsFor = useCallback(
    (path: string) =>
      issues.filter((issue) => issue.path === path && isVisible(issue.path)).map((issue) => issue.message),
    [issues, isVisible],
  );

  const { saver } = autosave;
  const fieldContext: IntakeFieldContext = useMemo(
    () => ({
      values,
      setValue: (path, value) => dispatch({ type: 'set', path, value }),
      leaveField: (path) => {
        setTouched((previous) => (previous.has(path) ? previous : new Set(previous).add(path)));
        void saver.flush();
      },
      errorsFor,
      disabled: submitting,
    }),
    [values, errorsFor, submitting, saver],
  );

  const goTo = useCallback(
    (next: IntakeSectionId, focusPath?: string) => {
      if (next !== section) setLeftSections((previous) => new Set(previous).add(section));
      focusAfterRender.current = focusPath ?? null;
      setSection(next);
      if (next === section) {
        if (focusPath) focusField(focusPath);
        else headingRef.current?.focus();
      }
    },
    [section],
  );

  // On opening, focus goes to the first question still to answer (First name on a new intake), so
  // staff can type at once instead of tabbing through the section list.
  useEffect(() => {
    if (sectionRef.current && !focusFirstUnanswered(sectionRef.current)) headingRef.current?.focus();
  }, []);

  // After a section change, focus its heading (or the field asked for), which also scrolls to it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const path = focusAfterRender.current;
    focusAfterRender.current = null;
    if (!path || !focusField(path)) headingRef.current?.focus();
  }, [section]);

  const progress = useMemo(() => {
    const result: Partial<Record<IntakeSectionId, SectionProgress>> = {};
    const known = check.result?.status === 'success';
    for (const { id } of INTAKE_SECTIONS) {
      const all = issues.filter((issue) => issue.section === id);
      const visited = leftSections.has(id) || id === section;
      const complete =
        id === 'review'
          ? known && check.result?.status === 'success' && check.result.outcome === 'ready'
          : known && visited && all.length === 0;
      result[id] = { problems: all.filter((issue) => isVisible(issue.path)).length, visited, complete };
    }
    return result as Record<IntakeSectionId, SectionProgress>;
  }, [issues, leftSections, section, isVisible, check.result]);

  // Emergencies known from the answers so far are shown on every section, not only at review.
  const urgentSoFar =
    check.result?.status !== 'success'
      ? []
      : check.result.outcome === 'ready'
        ? check.result.recommendation.urgentFlags
        : check.result.urgentSoFar;

  const position = INTAKE_SECTIONS.findIndex((entry) => entry.id === section);
  const previous = INTAKE_SECTIONS[position - 1];
  const next = INTAKE_SECTIONS[position + 1];
  const current = INTAKE_SECTIONS[position] ?? INTAKE_SECTIONS[0];

  const onSubmit = () => {
    setSubmitAttempted(true);
    setLeftSections(new Set(INTAKE_SECTIONS.map((entry) => entry.id)));
    autosave.saver.suspend();
    setSubmittedValues(values);
    startTransition(() => submit({ values, draftId: autosave.saver.currentDraftId }));
  };

  const title = [values.patient.firstName.trim(), values.patient.lastName.trim()].filter(Boolean).join(' ');

  return (
    <IntakeFieldsContext.Provider value={fieldContext}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere text-slate-900">
            {reassess ? `Re-assessment: ${title}` : title ? `Intake: ${title}` : 'New intake'}
          </h1>
          {reassess ? (
            <p className="text-sm text-slate-800">Nothing is saved until you record the re-assessment.</p>
          ) : (
            <SaveStatus state={autosave.state} timeZone={timeZone} />
          )}
        </div>
        {section !== 'review' ? (
          <UrgentFlags flags={urgentSoFar} note="From the answers so far — act now, then finish the intake:" />
        ) : null}
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <div className="lg:sticky lg:top-4 lg:self-start">
            <ProgressNav current={section} progress={progress} onGoTo={(id) => goTo(id)} />
          </div>
          <section ref={sectionRef} aria-labelledby="intake-section-heading" className="min-w-0 space-y-6">
            <h2
              id="intake-section-heading"
              ref={headingRef}
              tabIndex={-1}
              className="text-xl font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-700"
            >
              {position + 1}. {current.title}
            </h2>
            {section === 'patient' ? <PatientSection /> : null}
            {section === 'substances' ? (
              <SubstancesSection
                onAdd={() => {
                  const rowId = newRowId();
                  dispatch({ type: 'addSubstance', rowId });
                  focusAfterRender.current = `substances[${values.substances.length}].category`;
                  requestAnimationFrame(() => {
                    const path = focusAfterRender.current;
                    focusAfterRender.current = null;
                    if (path) focusField(path);
                  });
                }}
                onRemove={(rowId) => {
                  dispatch({ type: 'removeSubstance', rowId });
                  requestAnimationFrame(() => headingRef.current?.focus());
                }}
                onSetPrimary={(rowId, primary) => dispatch({ type: 'setPrimary', rowId, primary })}
              />
            ) : null}
            {section === 'withdrawal' ? <WithdrawalSection /> : null}
            {section === 'medical' ? <MedicalSection /> : null}
            {section === 'mentalHealth' ? <MentalHealthSection /> : null}
            {section === 'readiness' ? <ReadinessSection /> : null}
            {section === 'environment' ? <EnvironmentSection /> : null}
            {section === 'review' ? (
              <ReviewSection
                check={check}
                issues={issues}
                onGoTo={(id, path) => goTo(id, path)}
                onSubmit={onSubmit}
                submitting={submitting}
                submitMessage={submitState.status === 'error' ? submitState.message : null}
                {...(reassess
                  ? { submitText: REASSESS_TEXT }
                  : { notice: <DuplicateNotice patient={values.patient} /> })}
              />
            ) : null}
            <div className="flex flex-wrap justify-between gap-3 border-t border-slate-300 pt-4">
              {previous ? (
                <button type="button" className={buttonClass.secondary} onClick={() => goTo(previous.id)}>
                  <ArrowLeft aria-hidden="true" className="h-4 w-4" />
                  Previous: {previous.title}
                </button>
              ) : (
                <span />
              )}
              {next ? (
                <button type="button" className={buttonClass.primary} onClick={() => goTo(next.id)}>
                  Next: {next.title}
                  <ArrowRight aria-hidden="true" className="h-4 w-4" />
                </button>
              ) : null}
            </div>
          </section>
        </div>
      </div>
    </IntakeFieldsContext.Provider>
  );
}
