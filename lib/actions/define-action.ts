import 'server-only';

import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';

import type { AuditRequestContext } from '@/lib/audit/append';
import { currentRequestContext } from '@/lib/audit/request-context';
import { authorizeAction } from '@/lib/auth/guards';
import type { Permission } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/session-rules';
import { outcomeOfPrismaError } from '@/lib/db/prisma-errors';
import { describeError, logger } from '@/lib/logger';
import {
  fail,
  fieldErrorsOf,
  OUTCOME_MESSAGES,
  type ActionFailure,
  type ActionResult,
  type Failure,
  type FieldIssue,
  type FormState,
  type Outcome,
} from '@/lib/outcome';

// The one way to write a server action. Server actions are public POST endpoints, so each one
// goes through the same steps, in this order:
//   1. who is calling: the permission (fail closed: no session or the wrong role → refused and
//      audited as access.denied), or for the one public action its own guard;
//   2. the input, parsed defensively with zod (anything the browser sends is untrusted);
//   3. the handler, which returns an Outcome (expected failures are values);
//   4. Next's control-flow errors (redirect, notFound, …) re-thrown so they still work;
//   5. known Prisma errors mapped to outcomes (lib/db/prisma-errors.ts); anything else logged with
//      the request id — never the error's message, which can quote patient data — and answered
//      "Not saved (request …)".
// tests/unit/actions/use-server-exports.test.ts fails for a 'use server' export made any other way.

/** Marks a function made here, for the test that every 'use server' export is one. */
export const DEFINED_ACTION = Symbol.for('intake.definedAction');

/** The signed-in staff member (null only for a public action) and the request's audit context. */
export interface ActionContext {
  readonly staff: StaffSession;
  readonly requestId: string;
  readonly audit: AuditRequestContext;
}

export interface PublicActionContext {
  readonly staff: null;
  readonly requestId: string;
  readonly audit: AuditRequestContext;
}

type Access =
  | { readonly permission: Permission }
  /**
   * For the one action that runs before any account exists (first-run setup): `guard` decides,
   * before the input is read, whether the action is open at all, and returns the refusal if not.
   */
  | { readonly public: true; readonly guard: () => Promise<Failure | null> };

interface SpecBase<Schema extends z.ZodType> extends Record<string, unknown> {
  /** For logs: what the action does, e.g. "case.override". Never patient data. */
  readonly name: string;
  readonly input: Schema;
  /** The form-level message when the input does not parse. */
  readonly invalidMessage: string;
}

type Handler<Schema extends z.ZodType, Ctx, T extends object, Field extends string, Issue extends FieldIssue> = (
  input: z.output<Schema>,
  context: Ctx,
) => Promise<Outcome<T, Field, Issue>>;

async function contextOf(): Promise<{ requestId: string; audit: AuditRequestContext }> {
  const audit = await currentRequestContext();
  return { requestId: audit.requestId ?? crypto.randomUUID(), audit };
}

function toActionFailure<Field extends string, Issue extends FieldIssue>(
  failure: Failure<Field, Issue>,
): ActionFailure<Field, Issue> {
  return {
    status: 'error',
    reason: failure.reason,
    message: failure.message,
    ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}),
    ...(failure.issues ? { issues: failure.issues } : {}),
    ...(failure.reason === 'unauthenticated'
      ? { authError: 401 as const }
      : failure.reason === 'forbidden'
        ? { authError: 403 as const }
        : {}),
  };
}

async function authorize(
  access: Access,
): Promise<{ ok: true; staff: StaffSession | null } | { ok: false; failure: Failure }> {
  if ('public' in access) {
    const refusal = await access.guard();
    return refusal ? { ok: false, failure: refusal } : { ok: true, staff: null };
  }
  const auth = await authorizeAction(access.permission);
  return auth.ok ? { ok: true, staff: auth.staff } : { ok: false, failure: auth };
}

async function run<Schema extends z.ZodType, T extends object, Field extends string, Issue extends FieldIssue>(
  spec: SpecBase<Schema> & Access,
  handler: Handler<Schema, ActionContext | PublicActionContext, T, Field, Issue>,
  raw: unknown,
): Promise<ActionResult<T, Field, Issue>> {
  let requestId = 'unknown';
  try {
    const access = await authorize(spec);
    if (!access.ok) return toActionFailure(access.failure as Failure<Field, Issue>);
    const context = await contextOf();
    requestId = context.requestId;
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success)
      return toActionFailure(
        fail<Field, Issue>('invalid', spec.invalidMessage, { fieldErrors: fieldErrorsOf<Field>(parsed.error) }),
      );
    const outcome = await handler(parsed.data, { staff: access.staff, ...context } as
      ActionContext | PublicActionContext);
    if (!outcome.ok) return toActionFailure(outcome);
    const value: Record<string, unknown> = { ...outcome };
    delete value.ok;
    return { status: 'success', ...value } as ActionResult<T, Field, Issue>;
  } catch (error) {
    unstable_rethrow(error);
    const known = outcomeOfPrismaError(error);
    if (known) return toActionFailure(known as Failure<Field, Issue>);
    logger.error('action', `${spec.name} failed`, { requestId, ...describeError(error) });
    return { status: 'error', reason: 'unexpected', message: OUTCOME_MESSAGES.notSaved(requestId), requestId };
  }
}

function mark<F extends (...args: never[]) => unknown>(action: F): F {
  Object.defineProperty(action, DEFINED_ACTION, { value: true });
  return action;
}

type CallSpec<
  Schema extends z.ZodType,
  Ctx,
  T extends object,
  Field extends string,
  Issue extends FieldIssue,
> = SpecBase<Schema> & {
  readonly handler: Handler<Schema, Ctx, T, Field, Issue>;
};

/**
 * A server action called with arguments (`await action(input)`), e.g. autosave. Answers an
 * ActionResult; never throws except for Next's own redirect/notFound.
 */
export function defineCallAction<
  Schema extends z.ZodType,
  T extends object = object,
  Field extends string = string,
  Issue extends FieldIssue = FieldIssue,
>(
  spec: CallSpec<Schema, ActionContext, T, Field, Issue> & { readonly permission: Permission },
): (input: unknown) => Promise<ActionResult<T, Field, Issue>> {
  return mark(async (input: unknown) =>
    run(spec, spec.handler as Handler<Schema, ActionContext | PublicActionContext, T, Field, Issue>, input),
  );
}

/** Reads the named fields of a FormData as strings ('' when missing or a file). */
function formFields<Field extends string>(formData: unknown, fields: readonly Field[]): Record<Field, string> {
  const values = {} as Record<Field, string>;
  for (const field of fields) {
    const value = formData instanceof FormData ? formData.get(field) : null;
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

type FormSpec<Schema extends z.ZodType, Ctx, Field extends string> = SpecBase<Schema> & {
  readonly fields: readonly Field[];
  readonly echo?: readonly Field[];
  readonly handler: Handler<Schema, Ctx, { readonly message?: string }, NoInfer<Field>, FieldIssue>;
};

type FormAction<Field extends string> = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

/**
 * A server action behind a <form> with useActionState: `(previousState, formData)`. The fields
 * named in `fields` are read as strings and parsed by `input`; on a refusal the ones in `echo`
 * (never passwords) come back as `values` so the form keeps what was typed. A saved change
 * answers its handler's `message`.
 */
export function defineFormAction<Schema extends z.ZodType, Field extends string>(
  spec: FormSpec<Schema, ActionContext, Field> & { readonly permission: Permission },
): FormAction<Field>;
export function defineFormAction<Schema extends z.ZodType, Field extends string>(
  spec: FormSpec<Schema, PublicActionContext, Field> & {
    readonly public: true;
    readonly guard: () => Promise<Failure | null>;
  },
): FormAction<Field>;
export function defineFormAction<Schema extends z.ZodType, Field extends string>(
  spec: FormSpec<Schema, never, Field> & Access,
): FormAction<Field> {
  return mark(async (_previous: FormState<Field>, formData: FormData) => {
    const raw = formFields(formData, spec.fields);
    const result = await run(
      spec,
      spec.handler as Handler<Schema, ActionContext | PublicActionContext, { message?: string }, Field, FieldIssue>,
      raw,
    );
    if (result.status === 'success')
      return { status: 'success', ...(result.message === undefined ? {} : { message: result.message }) };
    if (!spec.echo || result.authError) return result as FormState<Field>;
    const values = Object.fromEntries(spec.echo.map((field) => [field, raw[field]])) as Partial<Record<Field, string>>;
    return { ...result, values };
  });
}
