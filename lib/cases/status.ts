/** Case statuses (the database enum CaseStatus) with the words staff see. Client-safe. */

export const CASE_STATUSES = ['NEW', 'IN_REVIEW', 'REFERRED', 'ADMITTED', 'DECLINED', 'CLOSED'] as const;
export type CaseStatusValue = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatusValue, string>> = {
  NEW: 'New',
  IN_REVIEW: 'In review',
  REFERRED: 'Referred',
  ADMITTED: 'Admitted',
  DECLINED: 'Declined',
  CLOSED: 'Closed',
};
