// How a referral status (lib/referrals/export-source.ts, the BSeR business statuses of issue 11
// item 2) becomes FHIR: Task.status (base R4 TaskStatus), Task.businessStatus (BSeR STU2 ballot
// TaskBusinessStatusCS where it has a code) and ServiceRequest.status. Table in docs/fhir-export.md.
import type { ServiceRequest, Task } from '@medplum/fhirtypes';

import type { ReferralStatus } from '@/lib/referrals/export-source';

export interface ReferralStatusFhir {
  readonly taskStatus: Task['status'];
  /** The BSeR business status code, or null where the BSeR code system has none (sent). */
  readonly bserCode: { readonly code: string; readonly display: string } | null;
  readonly serviceRequestStatus: ServiceRequest['status'];
}

export const REFERRAL_STATUS_FHIR: Readonly<Record<ReferralStatus, ReferralStatusFhir>> = {
  // Made but not yet sent: the recipient has nothing to act on.
  created: { taskStatus: 'draft', bserCode: { code: '2.0', display: 'Created' }, serviceRequestStatus: 'draft' },
  // Sent to the recipient, who has not answered yet.
  sent: { taskStatus: 'requested', bserCode: null, serviceRequestStatus: 'active' },
  accepted: { taskStatus: 'accepted', bserCode: { code: '3.0', display: 'Accepted' }, serviceRequestStatus: 'active' },
  // The recipient will not perform it; the request to that recipient is over.
  declined: { taskStatus: 'rejected', bserCode: { code: '4.0', display: 'Declined' }, serviceRequestStatus: 'revoked' },
  // BSeR puts the scheduling states under an in-progress task.
  scheduled: {
    taskStatus: 'in-progress',
    bserCode: { code: '5.1.1', display: 'Event scheduled' },
    serviceRequestStatus: 'active',
  },
  // Missed appointment: the referral stays open (it can be rescheduled, completed or cancelled).
  'no-show': {
    taskStatus: 'in-progress',
    bserCode: { code: '5.1.2', display: 'Scheduled event unattended' },
    serviceRequestStatus: 'active',
  },
  // Admitted by the recipient.
  completed: {
    taskStatus: 'completed',
    bserCode: { code: '7.0', display: 'Fulfillment completed' },
    serviceRequestStatus: 'completed',
  },
  cancelled: {
    taskStatus: 'cancelled',
    bserCode: { code: '6.0', display: 'Fulfillment cancelled' },
    serviceRequestStatus: 'revoked',
  },
};
