// Who may reach what: the expected outcome of every page, route handler and server action for
// every kind of visitor. The matrix test (authorization-matrix.spec.ts) finds all of them on disk
// and in the build and fails for any without an entry here — add one when you add a route.
import { can, STAFF_ROLES, type Permission, type StaffRole } from '@/lib/auth/permissions';

/** Anonymous visitors, each role, and a CLINICIAN who was deactivated after signing in. */
export const PRINCIPALS = ['anonymous', ...STAFF_ROLES, 'deactivated'] as const;
export type Principal = (typeof PRINCIPALS)[number];

/**
 * allow: 200 with the page · signin: redirect to /signin · forbidden: 403 page without data ·
 * notFound: 404 · redirect:<path>: a redirect to that path (e.g. the home page).
 */
export type PageOutcome = 'allow' | 'signin' | 'forbidden' | 'notFound' | `redirect:${string}`;
/** allow: the handler/action ran · deny: 401/403 (or a sign-in redirect), no data. */
export type CallOutcome = 'allow' | 'deny';

export interface PageEntry {
  /** The URL to request (dynamic segments filled with a sample value). */
  path: string;
  expect: Record<Principal, PageOutcome>;
  /** Text an allowed response must contain (proves it is the real page). */
  text?: string;
}

export interface RouteEntry {
  path: string;
  methods: Record<string, Record<Principal, CallOutcome>>;
}

function forEveryone<T>(outcome: T): Record<Principal, T> {
  return Object.fromEntries(PRINCIPALS.map((principal) => [principal, outcome])) as Record<Principal, T>;
}

/** Signed-in staff whose role has `permission`: allow; other roles: forbidden; others: sign in. */
function pageNeeding(permission?: Permission): Record<Principal, PageOutcome> {
  const outcome = (role: StaffRole): PageOutcome => (!permission || can(role, permission) ? 'allow' : 'forbidden');
  return {
    anonymous: 'signin',
    deactivated: 'signin',
    ...Object.fromEntries(STAFF_ROLES.map((role) => [role, outcome(role)])),
  } as Record<Principal, PageOutcome>;
}

/** For server actions and API calls: allow for roles with `permission`, deny for everyone else. */
export function callNeeding(permission: Permission): Record<Principal, CallOutcome> {
  return {
    anonymous: 'deny',
    deactivated: 'deny',
    ...Object.fromEntries(STAFF_ROLES.map((role) => [role, can(role, permission) ? 'allow' : 'deny'])),
  } as Record<Principal, CallOutcome>;
}

/** Keyed by page file. */
export const PAGE_MATRIX: Record<string, PageEntry> = {
  'app/page.tsx': {
    path: '/',
    expect: { ...forEveryone<PageOutcome>('redirect:/dashboard'), anonymous: 'signin', deactivated: 'signin' },
  },
  'app/signin/page.tsx': {
    path: '/signin',
    // Signed-in staff are sent on to the dashboard.
    expect: { ...forEveryone<PageOutcome>('redirect:/dashboard'), anonymous: 'allow', deactivated: 'allow' },
    text: 'Sign in to Intake',
  },
  // Accounts exist by the time the matrix runs: setup is gone for everyone.
  'app/setup/page.tsx': { path: '/setup', expect: forEveryone<PageOutcome>('notFound') },
  // Only for someone whose password an administrator set; everyone else is sent on (issue 13 item 7).
  'app/signin/password/page.tsx': {
    path: '/signin/password',
    expect: { ...forEveryone<PageOutcome>('redirect:/dashboard'), anonymous: 'signin', deactivated: 'signin' },
  },
  // One's own two-factor sign-in (issue 13 item 8): every role; outside the staff layout.
  'app/account/two-factor/page.tsx': {
    path: '/account/two-factor',
    expect: pageNeeding('account:two_factor'),
    text: 'Two-factor sign-in',
  },
  'app/(staff)/dashboard/page.tsx': { path: '/dashboard', expect: pageNeeding(), text: 'Welcome' },
  'app/(staff)/admin/staff/page.tsx': {
    path: '/admin/staff',
    expect: pageNeeding('staff:manage'),
    text: 'Staff accounts',
  },
  'app/(staff)/audit/page.tsx': { path: '/audit', expect: pageNeeding('audit:read'), text: 'Audit log' },
  'app/(staff)/intake/page.tsx': { path: '/intake', expect: pageNeeding('case:create'), text: 'Your drafts' },
  'app/(staff)/intake/new/page.tsx': { path: '/intake/new', expect: pageNeeding('case:create'), text: 'New intake' },
  // A draft id that does not exist: allowed roles get 404 (drafts belong to their author), the rest are refused first.
  'app/(staff)/intake/[draftId]/page.tsx': {
    path: '/intake/00000000-0000-4000-8000-000000000000',
    expect: { ...pageNeeding('case:create'), INTAKE: 'notFound', CLINICIAN: 'notFound', SUPERVISOR: 'notFound' },
  },
  'app/(staff)/cases/(list)/page.tsx': { path: '/cases', expect: pageNeeding('case:read'), text: 'Cases' },
  'app/(staff)/cases/[id]/page.tsx': {
    path: '/cases/00000000-0000-4000-8000-000000000000',
    expect: { ...pageNeeding('case:read'), INTAKE: 'notFound', CLINICIAN: 'notFound', SUPERVISOR: 'notFound' },
  },
  // Re-assessment (issue 9): a case id that does not exist is 404 for roles that may record intakes.
  'app/(staff)/cases/[id]/reassess/page.tsx': {
    path: '/cases/00000000-0000-4000-8000-000000000000/reassess',
    expect: { ...pageNeeding('case:create'), INTAKE: 'notFound', CLINICIAN: 'notFound', SUPERVISOR: 'notFound' },
  },
  'app/(staff)/cases/[id]/break-glass/page.tsx': {
    path: '/cases/00000000-0000-4000-8000-000000000000/break-glass',
    expect: pageNeeding('case:read'),
    text: 'Break the glass',
  },
  'app/(staff)/cases/mine/page.tsx': { path: '/cases/mine', expect: pageNeeding('case:read'), text: 'My cases' },
  'app/(staff)/cases/break-glass/page.tsx': {
    path: '/cases/break-glass',
    expect: pageNeeding('case:access_review'),
    text: 'Break-the-glass access',
  },
  // Bulk export (issue 11 item 6): one's own jobs; a job id that is not one's own is 404.
  'app/(staff)/exports/page.tsx': { path: '/exports', expect: pageNeeding('case:export'), text: 'Your exports' },
  'app/(staff)/exports/[jobId]/page.tsx': {
    path: '/exports/00000000-0000-4000-8000-000000000000',
    expect: { ...pageNeeding('case:export'), CLINICIAN: 'notFound', SUPERVISOR: 'notFound' },
  },
};

/** Keyed by route handler file. */
export const ROUTE_MATRIX: Record<string, RouteEntry> = {
  'app/(staff)/cases/export.csv/route.ts': {
    path: '/cases/export.csv',
    methods: { GET: callNeeding('case:export_csv') },
  },
  'app/api/health/route.ts': { path: '/api/health', methods: { GET: forEveryone<CallOutcome>('allow') } },
  // next-auth's own endpoints are public; /api/auth/session answers {} without a live session
  // (checked separately in the spec).
  'app/api/auth/[...nextauth]/route.ts': {
    path: '/api/auth/session',
    methods: { GET: forEveryone<CallOutcome>('allow'), POST: forEveryone<CallOutcome>('allow') },
  },
  // One referral summary export (issue 11): case:export; a sample case answers 404 to those allowed.
  'app/api/cases/[id]/referrals/[referralId]/export/route.ts': {
    path: '/api/cases/00000000-0000-4000-8000-000000000000/referrals/00000000-0000-4000-8000-000000000001/export?format=fhir',
    methods: { GET: callNeeding('case:export') },
  },
  // A bulk export job's status and its file (issue 11 item 6): case:export, own jobs only (404 otherwise).
  'app/api/exports/[jobId]/route.ts': {
    path: '/api/exports/00000000-0000-4000-8000-000000000000',
    methods: { GET: callNeeding('case:export') },
  },
  'app/api/exports/[jobId]/download/route.ts': {
    path: '/api/exports/00000000-0000-4000-8000-000000000000/download',
    methods: { GET: callNeeding('case:export') },
  },
};

/** Keyed by "<file>#<exported name>" of each server action. */
export const ACTION_MATRIX: Record<string, Record<Principal, CallOutcome>> = {
  'app/(staff)/admin/staff/actions.ts#createStaffAction': callNeeding('staff:manage'),
  'app/(staff)/admin/staff/actions.ts#setStaffActiveAction': callNeeding('staff:manage'),
  'app/(staff)/admin/staff/actions.ts#resetStaffPasswordAction': callNeeding('staff:manage'),
  'app/(staff)/admin/staff/actions.ts#changeStaffRoleAction': callNeeding('staff:manage'),
  'app/(staff)/cases/actions.ts#overrideCaseAction': callNeeding('case:override'),
  'app/(staff)/cases/actions.ts#addCaseNoteAction': callNeeding('case:note'),
  'app/(staff)/cases/actions.ts#searchCasesAction': callNeeding('case:read'),
  // Which moves each role may make is the transition table's (lib/cases/workflow/transitions.ts).
  'app/(staff)/cases/[id]/workflow-actions.ts#changeCaseStatusAction': callNeeding('case:status'),
  'app/(staff)/cases/[id]/reassess/actions.ts#reassessCaseAction': callNeeding('case:create'),
  'app/(staff)/cases/[id]/break-glass/actions.ts#breakTheGlassAction': callNeeding('case:read'),
  'components/cases/care-team/actions.ts#assignCaseAction': callNeeding('case:reassign'),
  'components/cases/care-team/actions.ts#changeCareTeamAction': callNeeding('case:reassign'),
  // 42 CFR Part 2 consent (issue 11): CLINICIAN and above record and revoke.
  'app/(staff)/cases/[id]/referrals/actions.ts#recordConsentAction': callNeeding('case:consent'),
  'app/(staff)/cases/[id]/referrals/actions.ts#revokeConsentAction': callNeeding('case:consent'),
  // Referrals and §2.51 emergency disclosures: the same disclosure right (CLINICIAN and above).
  'app/(staff)/cases/[id]/referrals/actions.ts#createReferralAction': callNeeding('case:consent'),
  'app/(staff)/cases/[id]/referrals/actions.ts#changeReferralStatusAction': callNeeding('case:consent'),
  'app/(staff)/cases/[id]/referrals/actions.ts#recordEmergencyDisclosureAction': callNeeding('case:consent'),
  // Bulk export: start a job from the selected cases, cancel one's own.
  'app/(staff)/exports/actions.ts#startBulkExportAction': callNeeding('case:export'),
  'app/(staff)/exports/actions.ts#cancelBulkExportAction': callNeeding('case:export'),
  'app/(staff)/intake/actions.ts#saveIntakeDraftAction': callNeeding('case:create'),
  'app/(staff)/intake/actions.ts#checkIntakeAction': callNeeding('case:create'),
  'app/(staff)/intake/actions.ts#checkDuplicatesAction': callNeeding('case:create'),
  'app/(staff)/intake/actions.ts#submitIntakeAction': callNeeding('case:create'),
  'app/(staff)/intake/actions.ts#discardIntakeDraftAction': callNeeding('case:create'),
  'app/(staff)/intake/actions.ts#discardIntakeDraftsAction': callNeeding('case:create'),
  'app/signin/password/actions.ts#changeOwnPasswordAction': callNeeding('account:password'),
  'app/account/two-factor/actions.ts#confirmTwoFactorAction': callNeeding('account:two_factor'),
  'app/account/two-factor/actions.ts#disableTwoFactorAction': callNeeding('account:two_factor'),
  'app/(staff)/admin/staff/actions.ts#resetTwoFactorAction': callNeeding('staff:manage'),
  'app/(staff)/admin/staff/actions.ts#setTwoFactorRequiredAction': callNeeding('staff:manage'),
  // Public only while no account exists; refused (403) for everyone afterwards.
  'app/setup/actions.ts#createFirstAdminAction': forEveryone<CallOutcome>('deny'),
};
