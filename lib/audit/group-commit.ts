// Group commit (framework-free: used by lib/audit/append.ts and by the case-list bench's pg side,
// so both write audit events the same way). Every audit insert takes the chain's advisory lock
// until its transaction has committed, WAL flush included (~2 ms here, three quarters of it the
// flush), so inserts from concurrent requests queue for it one by one (issue 9: at 10 callers a
// case view waited 17–38 ms for the lock). Instead, while one insert is in flight, the items that
// arrive meanwhile wait in the process and then go together as one multi-row INSERT: one lock, one
// commit, one flush for all of them. Nothing waits when nothing is in flight, and each caller
// resolves only when its own item is committed. When a multi-row INSERT fails (nothing of it was
// committed), its items are inserted one by one, so one bad item fails only its own caller.

/** Items per multi-row INSERT: audit events have 10 parameters each, well under PostgreSQL's 65,535. */
export const MAX_GROUP = 200;

/** Writes each batch with `insert` (one statement for all its items), one batch at a time. */
export class GroupCommitQueue<Item> {
  private waiting: Array<{ item: Item; done: (error?: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly insert: (items: readonly Item[]) => Promise<void>) {}

  add(item: Item): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_GROUP);
      try {
        await this.insert(batch.map((entry) => entry.item));
        for (const entry of batch) entry.done();
      } catch (error) {
        if (batch.length === 1) batch[0]!.done(error);
        else
          for (const entry of batch)
            await this.insert([entry.item]).then(
              () => entry.done(),
              (single: unknown) => entry.done(single ?? error),
            );
      }
    }
    this.flushing = false;
  }
}
