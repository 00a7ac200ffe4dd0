import { can } from '@/lib/auth/permissions';
import { getSessionResolution } from '@/lib/auth/session';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { buildReferralBundle } from '@/lib/fhir/referral-bundle';
import { describeError, logger } from '@/lib/logger';
import { auditReferralExport, authorizeReferralExport } from '@/lib/referrals/export-access';
import { EXPORT_REFUSAL_STATUS } from '@/lib/referrals/export-refusal';
import type { ReferralExportSource } from '@/lib/referrals/export-source';
import { renderReferralSummaryPdf } from '@/lib/referrals/pdf/render-pdf';

// GET /api/cases/<id>/referrals/<referralId>/export?format=fhir|pdf — one referral summary as a
// download (issue 11 items 5, 7). Signed in, `case:export`, need-to-know and a consent that
// permits the disclosure now; every attempt is audited as case.export (refusals DENIED).
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

type Rendered = {
  readonly ok: true;
  readonly body: BodyInit;
  readonly contentType: string;
  readonly extension: string;
};
type Renderer = (
  source: ReferralExportSource,
) => Promise<Rendered | { readonly ok: false; readonly status: number; readonly error: string }>;

/** The formats, one line each. */
const FORMATS: Readonly<Record<string, Renderer>> = {
  fhir: async (source) => ({
    ok: true,
    body: JSON.stringify(buildReferralBundle(source), null, 2),
    contentType: 'application/fhir+json; charset=utf-8',
    extension: 'fhir.json',
  }),
  pdf: async (source) => ({
    ok: true,
    body: Buffer.from(await renderReferralSummaryPdf(source)),
    contentType: 'application/pdf',
    extension: 'pdf',
  }),
};

const json = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

export async function GET(
  request: Request,
  context: { params: Promise<{ id: string; referralId: string }> },
): Promise<Response> {
  const { id: caseId, referralId } = await context.params;
  const resolution = await getSessionResolution();
  if (!resolution.ok) return json(401, 'Sign in to export.');
  const staff = resolution.staff;
  if (staff.mustChangePassword) return json(403, 'Change your password first.');
  const format = new URL(request.url).searchParams.get('format') ?? '';
  const actor = await accessActorFor(staff);
  const render = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;

  if (!can(staff.role, 'case:export')) {
    await auditReferralExport(actor, {
      caseId,
      outcome: 'DENIED',
      detail: { reason: 'forbidden', referralId, role: staff.role },
    });
    return json(403, 'Your role may not export referral summaries.');
  }
  if (render === undefined) return json(400, 'format must be one of: fhir, pdf.');

  const access = await authorizeReferralExport(actor, caseId, referralId);
  if (!access.ok) {
    await auditReferralExport(actor, {
      caseId,
      outcome: 'DENIED',
      detail: {
        format,
        referralId,
        reason:
          access.kind === 'consent'
            ? access.reason
            : access.kind === 'not_found' && access.needToKnow
              ? 'need_to_know'
              : access.kind,
      },
    });
    return json(EXPORT_REFUSAL_STATUS[access.kind], access.message);
  }
  const { source } = access;
  const detail = { format, referralId, recipient: source.recipientName, consentId: source.consent.id };
  let rendered: Awaited<ReturnType<Renderer>>;
  try {
    rendered = await render(source);
  } catch (error) {
    logger.error('export', 'referral export failed', { format, ...describeError(error) });
    await auditReferralExport(actor, { caseId, outcome: 'FAILURE', detail });
    return json(500, 'The export could not be made. Try again.');
  }
  if (!rendered.ok) {
    await auditReferralExport(actor, { caseId, outcome: 'FAILURE', detail: { ...detail, status: rendered.status } });
    return json(rendered.status, rendered.error);
  }
  await auditReferralExport(actor, { caseId, outcome: 'SUCCESS', detail });
  return new Response(rendered.body, {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': rendered.contentType,
      'Content-Disposition': `attachment; filename="referral-${source.referral?.id ?? referralId}.${rendered.extension}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
