import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  DraftSaver,
  type DraftSaveRequest,
  type DraftSaveResponse,
  type SaveState,
} from '@/components/intake/draft-saver';

type Reply = DraftSaveResponse | 'network-error';

/** A fake server: answers saves from a script, records what it was sent. */
function setup(replies: Reply[], initial: { draftId?: string | null; version?: number | null; off?: boolean } = {}) {
  const requests: DraftSaveRequest[] = [];
  const states: SaveState[] = [];
  const created: string[] = [];
  let version = initial.version ?? -1;
  const save = vi.fn(async (request: DraftSaveRequest): Promise<DraftSaveResponse> => {
    requests.push(request);
    const reply = replies.shift() ?? {
      status: 'success',
      draftId: request.draftId ?? 'draft-1',
      version: ++version,
      savedAt: '2026-11-25T14:02:00.000Z',
    };
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    return reply;
  });
  const saver = new DraftSaver({
    draftId: initial.draftId ?? null,
    version: initial.version ?? null,
    saved: { values: { name: '' }, section: 'patient' },
    save,
    onState: (state) => states.push(state),
    onDraftCreated: (id) => created.push(id),
    delayMs: 800,
    retryDelaysMs: [2_000, 4_000],
    ...(initial.off ? { off: true } : {}),
  });
  return { saver, save, requests, states, created };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DraftSaver', () => {
  it('when off (a re-assessment keeps no draft) never saves, even when a field is left or saving resumes', async () => {
    const { saver, save } = setup([], { off: true });
    saver.update({ values: { name: 'Jo' }, section: 'substances' });
    await saver.flush();
    saver.resume();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('does not create a draft for an untouched form', async () => {
    const { saver, save } = setup([]);
    saver.update({ values: { name: '' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('saves once after a pause in typing, creating the draft and then saving over its version', async () => {
    const { saver, requests, created, states } = setup([]);
    saver.update({ values: { name: 'J' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(500);
    saver.update({ values: { name: 'Jo' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(requests).toEqual([{ draftId: null, version: null, values: { name: 'Jo' }, section: 'patient' }]);
    expect(created).toEqual(['draft-1']);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: new Date('2026-11-25T14:02:00.000Z') });

    saver.update({ values: { name: 'Jon' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    expect(requests[1]).toEqual({ draftId: 'draft-1', version: 0, values: { name: 'Jon' }, section: 'patient' });
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('saves at once when the section changes or a field is left', async () => {
    const { saver, requests } = setup([]);
    saver.update({ values: { name: 'Jo' }, section: 'substances' });
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    saver.update({ values: { name: 'Joe' }, section: 'substances' });
    await saver.flush();
    expect(requests.map((request) => request.values)).toEqual([{ name: 'Jo' }, { name: 'Joe' }]);
  });

  it('an answer cut to its length limit keeps the draft saving: the state names it, no save loop', async () => {
    const cut = {
      status: 'success',
      draftId: 'draft-1',
      version: 0,
      savedAt: '2026-11-25T14:02:00.000Z',
      tooLong: ['patient.firstName'],
    } as const;
    const { saver, requests, states } = setup([cut]);
    saver.update({ values: { name: 'J'.repeat(101) }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toEqual({
      kind: 'saved',
      at: new Date('2026-11-25T14:02:00.000Z'),
      tooLong: ['patient.firstName'],
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
    // Shortened: saved whole, and the state no longer mentions it.
    saver.update({ values: { name: 'Jordan' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    expect(requests).toHaveLength(2);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: new Date('2026-11-25T14:02:00.000Z') });
  });

  it('sends changes made during a save right after it, one save at a time', async () => {
    let release: (value: DraftSaveResponse) => void = () => {};
    const { saver, requests, save } = setup([]);
    save.mockImplementationOnce(
      (request: DraftSaveRequest) =>
        new Promise<DraftSaveResponse>((resolve) => {
          requests.push(request);
          release = resolve;
        }),
    );
    saver.update({ values: { name: 'A' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    saver.update({ values: { name: 'AB' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requests).toHaveLength(1);
    release({ status: 'success', draftId: 'draft-1', version: 0, savedAt: '2026-11-25T14:02:00.000Z' });
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.map((request) => [request.version, request.values])).toEqual([
      [null, { name: 'A' }],
      [0, { name: 'AB' }],
    ]);
  });

  it('says "not saved" and retries with back-off until the connection is back, losing nothing', async () => {
    const { saver, requests, states } = setup(['network-error', 'network-error']);
    saver.update({ values: { name: 'Jo' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toEqual({ kind: 'retrying', message: 'Not saved — no connection to the server. Retrying.' });
    expect(saver.hasUnsavedChanges()).toBe(true);
    saver.update({ values: { name: 'Jordan' }, section: 'patient' }); // typed while offline
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(requests).toHaveLength(3);
    expect(requests.at(-1)?.values).toEqual({ name: 'Jordan' });
    expect(states.at(-1)?.kind).toBe('saved');
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('retries at once when told the network is back', async () => {
    const { saver, requests } = setup(['network-error']);
    saver.update({ values: { name: 'Jo' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    saver.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(2);
  });

  it('stops for good when the server says the tab is stale, and keeps saying so', async () => {
    const { saver, requests, states } = setup(
      [{ status: 'error', reason: 'conflict', message: 'Not saved: this draft was changed in another tab.' }],
      {
        draftId: 'draft-9',
        version: 3,
      },
    );
    saver.update({ values: { name: 'Stale' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toEqual({ kind: 'stopped', message: 'Not saved: this draft was changed in another tab.' });
    saver.update({ values: { name: 'Staler' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
  });

  it('stops when the session has ended', async () => {
    const { saver, states } = setup([
      { status: 'error', authError: 401, message: 'Your session has ended. Sign in again — nothing was saved.' },
    ]);
    saver.update({ values: { name: 'Jo' }, section: 'patient' });
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toMatchObject({ kind: 'stopped' });
  });

  it('does not save while suspended for submission', async () => {
    const { saver, requests } = setup([]);
    saver.suspend();
    saver.update({ values: { name: 'Jo' }, section: 'review' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(requests).toHaveLength(0);
    expect(saver.hasUnsavedChanges()).toBe(false);
    saver.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
  });
});
