// 42 CFR Part 2 wording, as amended by the 2024 final rule (89 FR 12472, 16 Feb 2024; compliance
// required by 16 Feb 2026). Verbatim: do not reword, and do not use the pre-2024 notice that older
// pages still carry. Source: /work/shared/notes/part2-and-fhir.md, §2.31, §2.32, §2.33.

/** §2.32(a)(1): the notice that accompanies each disclosure made with the patient's consent. */
export const PART2_NOTICE_FULL =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of ' +
  'the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the ' +
  'individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. ' +
  '(ii) You are a covered entity or business associate and have received the record for treatment, payment, or ' +
  'health care operations, or (iii) You have received the record from a covered entity or business associate as ' +
  'permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other ' +
  'information is NOT sufficient to meet the required elements of written consent to further use or redisclose ' +
  'the record (see 42 CFR 2.31).';

/** §2.32(a)(2): the short form. */
export const PART2_NOTICE_SHORT = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

/** The running header of every exported page. */
export const PART2_CONFIDENTIAL_BANNER = 'Confidential — 42 CFR Part 2';

/** §2.31(a)(4)(i): the recipient class allowed for a single consent for TPO. */
export const TPO_RECIPIENT_CLASS =
  'my treating providers, health plans, third-party payers, and people helping to operate this program';

export const PURPOSES = {
  referral: 'referral for treatment',
  patientRequest: 'at the request of the patient',
  tpo: 'treatment, payment, and health care operations',
} as const;
export type ConsentPurpose = (typeof PURPOSES)[keyof typeof PURPOSES];

/** §2.31(a)(6): the right to revoke in writing, how, and the reliance exception. */
export const REVOCATION_TEXT =
  'I understand that I may revoke this consent in writing at any time, by giving or sending a signed, written ' +
  'revocation to this program, except to the extent that action has been taken in reliance on it. Revoking ' +
  'this consent does not undo a disclosure already made in reliance on it.';

/** §2.31(a)(4)(iii)/§2.33(b): for a TPO consent whose recipient is a covered entity or business associate. */
export const TPO_REDISCLOSURE_TEXT =
  'A recipient that is a covered entity or business associate may further use and disclose my record as ' +
  'permitted by the HIPAA regulations (45 CFR parts 160 and 164), except for uses and disclosures for civil, ' +
  'criminal, administrative, and legislative proceedings against me.';

/** §2.33(a)(2): a TPO consent lasts until revoked in writing; "end of treatment" is the usual event. */
export const EXPIRY_EVENT_END_OF_TREATMENT = 'end of treatment';
