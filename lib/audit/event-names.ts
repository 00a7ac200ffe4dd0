// Every audit event name (the `action` column), in one place. Dot-separated: <area>.<what
// happened>. Names are added with the feature that writes them: the audit page offers every one
// as a filter value, so a name for a feature that does not exist yet would be a filter that
// never matches.

export const AUDIT_ACTIONS = {
  SIGNIN_SUCCESS: 'auth.signin.success',
  SIGNIN_FAILURE: 'auth.signin.failure',
  SIGNIN_LOCKED: 'auth.signin.locked',
  SIGNOUT: 'auth.signout',
  SETUP_FIRST_ADMIN: 'auth.setup',
  TWO_FACTOR_ENROL: 'auth.2fa_enrol',
  TWO_FACTOR_DISABLE: 'auth.2fa_disable',
  TWO_FACTOR_RESET: 'auth.2fa_reset',
  TWO_FACTOR_FAILED: 'auth.2fa_failed',
  SETTING_CHANGE: 'settings.change',
  STAFF_CREATE: 'staff.create',
  STAFF_DEACTIVATE: 'staff.deactivate',
  STAFF_REACTIVATE: 'staff.reactivate',
  STAFF_PASSWORD_RESET: 'staff.password_reset',
  STAFF_PASSWORD_CHANGE: 'staff.password_change',
  STAFF_ROLE_CHANGE: 'staff.role_change',
  CASE_VIEW: 'case.view',
  CASE_LIST: 'case.list',
  CASE_CREATE: 'case.create',
  CASE_OVERRIDE: 'case.override',
  CASE_NOTE: 'case.note',
  CASE_STATUS_CHANGE: 'case.status_change',
  CASE_REASSESS: 'case.reassess',
  CASE_ASSIGN: 'case.assign',
  CASE_CARE_TEAM_ADD: 'case.care_team_add',
  CASE_CARE_TEAM_REMOVE: 'case.care_team_remove',
  CASE_BREAK_GLASS: 'case.break_glass',
  CASE_DUPLICATE_CHECK: 'case.duplicate_check',
  CASE_EXPORT_CSV: 'case.export_csv',
  DRAFT_SAVE: 'draft.save',
  DRAFT_VIEW: 'draft.view',
  DRAFT_DELETE: 'draft.delete',
  AUDIT_VIEW: 'audit.view',
  ACCESS_DENIED: 'access.denied',
  CONSENT_RECORD: 'consent.record',
  CONSENT_REVOKE: 'consent.revoke',
  REFERRAL_CREATE: 'referral.create',
  REFERRAL_STATUS: 'referral.status',
  DISCLOSURE_EMERGENCY: 'disclosure.emergency',
  CASE_EXPORT: 'case.export',
  EXPORT_BULK: 'export.bulk',
  EXPORT_BULK_CANCEL: 'export.bulk_cancel',
  EXPORT_BULK_DOWNLOAD: 'export.bulk_download',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export const AUDIT_ACTION_VALUES: readonly AuditAction[] = Object.values(AUDIT_ACTIONS);

export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILURE'] as const;
export type AuditOutcomeValue = (typeof AUDIT_OUTCOMES)[number];

/** Entity types named in audit events. */
export const AUDIT_ENTITY_TYPES = [
  'StaffUser',
  'Case',
  'IntakeDraft',
  'CaseNote',
  'BreakGlassGrant',
  'AuditEvent',
  'Route',
  'Consent',
  'Referral',
  'ExportJob',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
