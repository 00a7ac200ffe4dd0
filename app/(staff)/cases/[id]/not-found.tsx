import { CaseRefused } from '@/components/cases/break-glass/case-refused';

/** A missing case and one outside need-to-know both land here (404), with "Break the glass". */
export default function CaseNotFound() {
  return <CaseRefused />;
}
