// The action wrapper's contract, with its collaborators replaced: who may call (fail closed),
// defensive parsing, outcomes, Next's control flow, Prisma errors and unexpected errors.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('server-only', () => ({}));
const authorizeAction = vi.fn();
vi.mock('@/lib/auth/guards', () => ({ authorizeAction: (permission: string) => authorizeAction(permission) }));
vi.mock('@/lib/audit/request-context', () => ({
  currentRequestContext: async () => ({ requestId: 'req-1', ip: '127.0.0.1', userAgent: 'test' }),
}));
const logged: unknown[][] = [];
vi.mock('@/lib/logger', async (original) => ({
  ...(await original<typeof import('@/lib/logger')>()),
  logger: { error: (...args: unknown[]) => logged.push(args), warn: () => {}, info: () => {} },
}));

const { defineCallAction, defineFormAction, DEFINED_ACTION } = await import('@/lib/actions/define-action');
const { Prisma } = await import('@/lib/generated/prisma/client');
const { fail, OUTCOME_MESSAGES } = await import('@/lib/outcome');
type Outcome<T extends object, F extends string> = import('@/lib/outcome').Outcome<T, F>;
const { redirect } = await import('next/navigation');

const staff = { id: 'staff-1', email: 'a@clinic.test', displayName: 'A', role: 'CLINICIAN' as const };

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

type NoteHandler = (input: {
  body: string;
  secret: string;
}) => Promise<Outcome<{ message?: string }, 'body' | 'secret'>>;

const noteAction = (handler: NoteHandler = async (input) => ({ ok: true, message: `saved ${input.body.length}` })) =>
  defineFormAction({
    name: 'test.note',
    permission: 'case:note',
    fields: ['body', 'secret'],
    echo: ['body'],
    input: z.object({ body: z.string().min(3, { error: 'Too short' }), secret: z.string() }),
    invalidMessage: 'Not saved: check the fields.',
    handler,
  });

beforeEach(() => {
  authorizeAction.mockReset();
  authorizeAction.mockResolvedValue({ ok: true, staff });
  logged.length = 0;
});

describe('defineFormAction', () => {
  it('is marked as made by the wrapper', () => {
    expect((noteAction() as unknown as Record<symbol, unknown>)[DEFINED_ACTION]).toBe(true);
  });

  it('refuses a caller without a session with 401 and never runs the handler', async () => {
    authorizeAction.mockResolvedValue(fail('unauthenticated', OUTCOME_MESSAGES.unauthenticated));
    const handler = vi.fn();
    const state = await noteAction(handler)({ status: 'idle' }, form({ body: 'hello' }));
    expect(state).toMatchObject({
      status: 'error',
      reason: 'unauthenticated',
      authError: 401,
      message: OUTCOME_MESSAGES.unauthenticated,
    });
    expect(state.values).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
    expect(authorizeAction).toHaveBeenCalledWith('case:note');
  });

  it('refuses a role without the permission with 403', async () => {
    authorizeAction.mockResolvedValue(fail('forbidden', OUTCOME_MESSAGES.forbidden));
    expect(await noteAction()({ status: 'idle' }, form({ body: 'hello' }))).toMatchObject({
      status: 'error',
      authError: 403,
    });
  });

  it('fails closed when the permission check itself fails', async () => {
    authorizeAction.mockRejectedValue(new Error('database down: SELECT … WHERE email = patient@x'));
    const state = await noteAction()({ status: 'idle' }, form({ body: 'hello' }));
    expect(state).toMatchObject({ status: 'error', reason: 'unexpected' });
    expect(state.authError).toBeUndefined();
  });

  it('names each field that does not parse and echoes only the listed values', async () => {
    const handler = vi.fn();
    const state = await noteAction(handler)({ status: 'idle' }, form({ body: 'hi', secret: 'pw' }));
    expect(state).toEqual({
      status: 'error',
      reason: 'invalid',
      message: 'Not saved: check the fields.',
      fieldErrors: { body: ['Too short'] },
      values: { body: 'hi' },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reads a missing field or a file as an empty string, never as something else', async () => {
    const data = form({});
    data.set('secret', new Blob(['x']));
    const handler = vi.fn(async () => ({ ok: true as const }));
    await noteAction(handler)({ status: 'idle' }, data);
    expect(handler).not.toHaveBeenCalled(); // body '' fails min(3)
  });

  it('passes the parsed input, the staff member and the request context to the handler and answers its message', async () => {
    const handler = vi.fn(async (input: { body: string }) => ({ ok: true as const, message: `saved ${input.body}` }));
    const state = await noteAction(handler)({ status: 'idle' }, form({ body: 'hello', secret: '' }));
    expect(state).toEqual({ status: 'success', message: 'saved hello' });
    expect(handler).toHaveBeenCalledWith(
      { body: 'hello', secret: '' },
      { staff, requestId: 'req-1', audit: { requestId: 'req-1', ip: '127.0.0.1', userAgent: 'test' } },
    );
  });

  it("answers the handler's expected failure as it is, with the typed values", async () => {
    const state = await noteAction(vi.fn(async () => fail('conflict', 'Changed since you opened it.')))(
      { status: 'idle' },
      form({ body: 'hello' }),
    );
    expect(state).toEqual({
      status: 'error',
      reason: 'conflict',
      message: 'Changed since you opened it.',
      values: { body: 'hello' },
    });
  });

  it('re-throws Next control flow (redirect) instead of answering it', async () => {
    const action = noteAction(vi.fn(async () => redirect('/cases')));
    await expect(action({ status: 'idle' }, form({ body: 'hello' }))).rejects.toMatchObject({
      digest: expect.stringContaining('NEXT_REDIRECT'),
    });
  });

  it.each([
    ['P2002', 'conflict', OUTCOME_MESSAGES.conflict],
    ['P2025', 'not_found', OUTCOME_MESSAGES.not_found],
    ['P2034', 'retry', OUTCOME_MESSAGES.retry],
  ])('maps Prisma %s to %s', async (code, reason, message) => {
    const error = new Prisma.PrismaClientKnownRequestError('boom', { code, clientVersion: 'test' });
    const state = await noteAction(vi.fn(async () => Promise.reject(error)))(
      { status: 'idle' },
      form({ body: 'hello' }),
    );
    expect(state).toMatchObject({ status: 'error', reason, message });
    expect(logged).toEqual([]);
  });

  it('logs anything else with the request id but not its message, and answers "Not saved (request …)"', async () => {
    const state = await noteAction(vi.fn(async () => Promise.reject(new TypeError('Nguyễn Văn A 1980-02-03'))))(
      { status: 'idle' },
      form({ body: 'hello' }),
    );
    expect(state).toMatchObject({
      status: 'error',
      reason: 'unexpected',
      requestId: 'req-1',
      message: OUTCOME_MESSAGES.notSaved('req-1'),
    });
    expect(state.message).toMatch(/^Not saved \(request req-1\)/);
    expect(logged).toEqual([['action', 'test.note failed', { requestId: 'req-1', kind: 'TypeError' }]]);
    expect(JSON.stringify(logged)).not.toContain('Nguyễn');
  });
});

describe('defineFormAction, public', () => {
  it('runs its guard before reading the input, and refuses when the guard says so', async () => {
    const handler = vi.fn();
    const action = defineFormAction({
      name: 'test.setup',
      public: true,
      guard: async () => fail('forbidden', 'Setup is closed.'),
      fields: ['email'],
      input: z.object({ email: z.string() }),
      invalidMessage: 'x',
      handler,
    });
    expect(await action({ status: 'idle' }, form({ email: 'a@b' }))).toMatchObject({
      status: 'error',
      authError: 403,
      message: 'Setup is closed.',
    });
    expect(handler).not.toHaveBeenCalled();
    expect(authorizeAction).not.toHaveBeenCalled();
  });
});

describe('defineCallAction', () => {
  const save = defineCallAction({
    name: 'test.save',
    permission: 'case:create',
    input: z.object({ id: z.string(), n: z.number().int() }),
    invalidMessage: 'Nothing to save.',
    handler: async (input) => ({ ok: true as const, id: input.id, next: input.n + 1 }),
  });

  it('answers the value without the ok flag', async () => {
    expect(await save({ id: 'a', n: 1 })).toEqual({ status: 'success', id: 'a', next: 2 });
  });

  it.each([[undefined], [null], ['text'], [{ id: 1, n: 'x' }], [{ status: 'idle' }]])(
    'refuses malformed input %j with a message, never a throw',
    async (input) => {
      expect(await save(input)).toMatchObject({ status: 'error', reason: 'invalid', message: 'Nothing to save.' });
    },
  );
});
