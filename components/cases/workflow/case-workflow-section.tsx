import { CASE_STATUS_LABELS, type CaseStatusValue } from '@/lib/cases/status';
import type { StatusHistoryEntry } from '@/lib/cases/workflow/status-history';
import { allowedTransitions } from '@/lib/cases/workflow/transitions';

import { StatusChangeForm } from './status-change-form';
import { StatusHistory } from './status-history';

/** The case page's workflow block: the current status, the moves this role may make, and the history. */
export function CaseWorkflowSection({
  caseId,
  version,
  status,
  role,
  canChange,
  history,
}: {
  caseId: string;
  version: number;
  status: CaseStatusValue;
  role: string;
  canChange: boolean;
  history: readonly StatusHistoryEntry[];
}) {
  const transitions = canChange ? allowedTransitions(role, status) : [];
  return (
    <section aria-labelledby="workflow-heading" className="space-y-4">
      <h2 id="workflow-heading" className="text-xl font-semibold text-slate-900">
        Status: {CASE_STATUS_LABELS[status]}
      </h2>
      {transitions.length > 0 ? (
        <StatusChangeForm caseId={caseId} version={version} transitions={transitions} />
      ) : canChange ? (
        <p className="text-slate-700">
          Your role cannot change the status of a case that is {CASE_STATUS_LABELS[status].toLowerCase()}.
        </p>
      ) : null}
      <h3 className="font-semibold text-slate-900">Status history</h3>
      <StatusHistory entries={history} />
    </section>
  );
}
