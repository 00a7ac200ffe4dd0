/**
 * Saving a draft as staff go, without React: the hook (use-draft-autosave.ts) feeds it every
 * change; it saves after a pause, at once on request (a field left, a section changed), one save
 * at a time, and retries with back-off until the server answers. A save the server refuses for
 * good (stale tab, draft gone, session ended) stops it, with the server's words. An answer over
 * its length limit does not stop it: the server saves the rest (that answer cut to its limit) and
 * names the answer, and the state says so until the answer is shortened.
 */

export type SaveState =
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date; readonly tooLong?: readonly string[] }
  | { readonly kind: 'retrying'; readonly message: string }
  | { readonly kind: 'stopped'; readonly message: string };

export type DraftSaveRequest = { draftId: string | null; version: number | null; values: unknown; section: string };
export type DraftSaveResponse =
  | { status: 'success'; draftId: string; version: number; savedAt: string; tooLong?: readonly string[] }
  | { status: 'error'; message: string; authError?: 401 | 403; reason?: string };

/** Reasons the server gives that no retry can fix. */
const FINAL_REASONS = new Set(['conflict', 'not_found', 'forbidden', 'invalid']);

export interface DraftSaverOptions {
  readonly draftId: string | null;
  readonly version: number | null;
  /** What the server already holds (the loaded draft, or the untouched new form). */
  readonly saved: { values: unknown; section: string };
  readonly save: (request: DraftSaveRequest) => Promise<DraftSaveResponse>;
  readonly onState: (state: SaveState) => void;
  readonly onDraftCreated: (draftId: string) => void;
  readonly delayMs?: number;
  readonly retryDelaysMs?: readonly number[];
  /** Never save (a re-assessment keeps no draft: nothing is stored until it is submitted). */
  readonly off?: boolean;
}

export class DraftSaver {
  private draftId: string | null;
  private version: number | null;
  private latest: { values: unknown; section: string };
  private savedSnapshot: string;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A failed save is waiting for its retry timer. */
  private retrying = false;
  private failures = 0;
  private stopped = false;
  private suspended = false;
  private readonly delayMs: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: DraftSaverOptions) {
    this.draftId = options.draftId;
    this.version = options.version;
    this.latest = options.saved;
    this.savedSnapshot = JSON.stringify(options.saved);
    this.delayMs = options.delayMs ?? 800;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 4_000, 8_000, 15_000, 30_000];
    this.stopped = options.off === true;
  }

  get currentDraftId(): string | null {
    return this.draftId;
  }

  /** Answers the server does not have yet (or a save still on its way). */
  hasUnsavedChanges(): boolean {
    return !this.suspended && !this.stopped && (this.inFlight !== null || this.isDirty());
  }

  /** A change: saved after a pause, or at once when the section changed. */
  update(latest: { values: unknown; section: string }): void {
    const sectionChanged = latest.section !== this.latest.section;
    this.latest = latest;
    if (this.stopped || this.suspended || !this.isDirty()) return;
    // The running save saves again when it ends; a waiting retry sends the newest answers.
    if (this.inFlight || this.retrying) return;
    this.options.onState({ kind: 'unsaved' });
    if (sectionChanged) void this.flush();
    else this.schedule(this.delayMs);
  }

  /** Save now (a field was left). Resolves when the answers so far are saved, or a save failed. */
  async flush(): Promise<void> {
    this.clearTimer();
    this.retrying = false;
    if (this.inFlight) {
      await this.inFlight;
      if (!this.retrying && !this.stopped && this.isDirty()) return this.flush();
      return;
    }
    if (this.stopped || this.suspended || !this.isDirty()) return;
    this.inFlight = this.saveOnce();
    let saved = false;
    try {
      saved = await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (saved && !this.suspended && this.isDirty()) await this.flush();
  }

  /** Stop saving (the intake is being submitted: the draft goes with it). */
  suspend(): void {
    this.suspended = true;
    this.clearTimer();
  }

  /** Saving again (the submission failed: the draft stays). */
  resume(): void {
    this.suspended = false;
    if (this.isDirty()) this.schedule(0);
  }

  /** The network is back: retry now rather than after the back-off. */
  retryNow(): void {
    if (this.retrying) void this.flush();
  }

  /** The page is going away: cancel the pending save (React may mount the page again). */
  dispose(): void {
    this.clearTimer();
  }

  private isDirty(): boolean {
    return JSON.stringify(this.latest) !== this.savedSnapshot;
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One save of the newest answers; true when the server stored them. */
  private async saveOnce(): Promise<boolean> {
    const sending = this.latest;
    const snapshot = JSON.stringify(sending);
    this.options.onState({ kind: 'saving' });
    let response: DraftSaveResponse;
    try {
      response = await this.options.save({
        draftId: this.draftId,
        version: this.version,
        values: sending.values,
        section: sending.section,
      });
    } catch {
      // The request never reached the server, or its answer never came back.
      this.retryLater('Not saved — no connection to the server. Retrying.');
      return false;
    }
    if (response.status === 'success') {
      this.failures = 0;
      this.version = response.version;
      this.savedSnapshot = snapshot;
      if (this.draftId === null) {
        this.draftId = response.draftId;
        this.options.onDraftCreated(response.draftId);
      }
      const tooLong = response.tooLong ?? [];
      this.options.onState(
        tooLong.length > 0
          ? { kind: 'saved', at: new Date(response.savedAt), tooLong }
          : { kind: 'saved', at: new Date(response.savedAt) },
      );
      return true;
    }
    if (response.authError || (response.reason !== undefined && FINAL_REASONS.has(response.reason))) {
      this.stopped = true;
      this.options.onState({ kind: 'stopped', message: response.message });
      return false;
    }
    this.retryLater(
      response.message.startsWith('Not saved') ? response.message : `Not saved — retrying. ${response.message}`,
    );
    return false;
  }

  private retryLater(message: string): void {
    const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)] ?? 30_000;
    this.failures += 1;
    this.options.onState({ kind: 'retrying', message });
    this.schedule(delay);
    this.retrying = true;
  }
}
