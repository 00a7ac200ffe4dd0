/**
 * The sections of the intake form, in order, and which section each field path belongs to, so a
 * problem the server reports can be counted on the progress indicator and shown next to its field.
 */

export const INTAKE_SECTIONS = [
  { id: 'patient', title: 'Patient' },
  { id: 'substances', title: 'Substances' },
  { id: 'withdrawal', title: 'Withdrawal' },
  { id: 'medical', title: 'Medical' },
  { id: 'mentalHealth', title: 'Mental health' },
  { id: 'readiness', title: 'Readiness & history' },
  { id: 'environment', title: 'Environment & social needs' },
  { id: 'review', title: 'Review' },
] as const;

export type IntakeSectionId = (typeof INTAKE_SECTIONS)[number]['id'];

export function isIntakeSectionId(value: unknown): value is IntakeSectionId {
  return typeof value === 'string' && INTAKE_SECTIONS.some((section) => section.id === value);
}

/** First path segment (or notes.<part>) → section. Anything else (the intake as a whole) is review. */
const SECTION_BY_PREFIX: ReadonlyArray<readonly [string, IntakeSectionId]> = [
  ['patient', 'patient'],
  ['substances', 'substances'],
  ['notes.substances', 'substances'],
  // Overdose risk and current medication are asked next to the substances (issue 8 §3).
  ['overdoseRisk', 'substances'],
  ['treatment', 'substances'],
  ['withdrawal', 'withdrawal'],
  ['notes.withdrawal', 'withdrawal'],
  ['biomedical', 'medical'],
  ['notes.medical', 'medical'],
  ['mentalHealth', 'mentalHealth'],
  ['notes.mentalHealth', 'mentalHealth'],
  ['readiness', 'readiness'],
  ['relapse', 'readiness'],
  ['environment', 'environment'],
  ['socialNeeds', 'environment'],
  ['notes.social', 'environment'],
];

export function sectionOfPath(path: string): IntakeSectionId {
  for (const [prefix, section] of SECTION_BY_PREFIX) {
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return section;
  }
  return 'review';
}

/** DOM id of the control for a field path (ids cannot hold dots or brackets usefully in selectors). */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** DOM id of the error message region for a field path (referenced by aria-describedby). */
export function errorDomId(path: string): string {
  return `error-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
