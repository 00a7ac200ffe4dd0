import { ROLE_LABELS, can, isStaffRole, type StaffRole } from '@/lib/auth/permissions';
import type { CareTeamPanel as CareTeamPanelData } from '@/lib/cases/care-team';
import { formatDateTime } from '@/lib/format/date-time';

import { AddMemberForm, AssignForm, RemoveMemberButton, RemoveMembersForm } from './care-team-forms';

function roleLabel(role: string): string {
  return isStaffRole(role) ? ROLE_LABELS[role] : role;
}

/** Who works the case: its assignee and care team. Supervisors change both here. */
export function CareTeamPanel({
  panel,
  role,
  caseId,
  version,
}: {
  panel: CareTeamPanelData;
  role: StaffRole;
  caseId: string;
  version: number;
}) {
  const manage = can(role, 'case:reassign');
  const onTeam = new Set(panel.members.map((member) => member.staffId));
  const options = panel.staff.map((person) => ({ id: person.id, label: `${person.name} (${roleLabel(person.role)})` }));

  const members =
    panel.members.length === 0 ? (
      <p className="text-slate-700">No one is on the care team yet.</p>
    ) : (
      <ul className="space-y-1" aria-label="Care team">
        {panel.members.map((member) => (
          <li key={member.staffId} className="flex flex-wrap items-center gap-2 text-slate-800">
            <span>
              {`${member.name} (${roleLabel(member.role)}), added ${formatDateTime(member.addedAt)} by ${member.addedByName}`}
            </span>
            {manage ? <RemoveMemberButton staffId={member.staffId} name={member.name} /> : null}
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="care-team-heading" className="space-y-3" data-testid="care-team-panel">
      <h2 id="care-team-heading" className="text-xl font-semibold text-slate-900">
        Assignment and care team
      </h2>
      {manage ? (
        <AssignForm caseId={caseId} version={version} assigneeId={panel.assignedTo?.id ?? null} options={options} />
      ) : (
        <p className="text-slate-800">
          <span className="font-medium text-slate-900">Assigned to: </span>
          {panel.assignedTo ? `${panel.assignedTo.name} (${roleLabel(panel.assignedTo.role)})` : 'Unassigned'}
        </p>
      )}
      {/* No form around an empty team: it would cost its ~500 bytes on every such case. */}
      {manage && panel.members.length > 0 ? (
        <RemoveMembersForm caseId={caseId} version={version}>
          {members}
        </RemoveMembersForm>
      ) : (
        members
      )}
      {manage ? (
        <AddMemberForm caseId={caseId} version={version} options={options.filter((option) => !onTeam.has(option.id))} />
      ) : null}
    </section>
  );
}
