/** Edits a copy of the benign baseline fixture at a path, to test what the schema does with raw JSON. */
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';

export type JsonPath = readonly (string | number)[];

/** Marks a key to delete instead of set. */
export const REMOVE = Symbol('remove');

export function baselineWith(...edits: ReadonlyArray<readonly [JsonPath, unknown]>): unknown {
  const copy: unknown = structuredClone(baseline);
  for (const [path, value] of edits) {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    let parent = copy as Record<string | number, unknown>;
    for (const segment of parentPath) parent = parent[segment] as Record<string | number, unknown>;
    if (key === undefined) throw new Error('baselineWith needs a non-empty path');
    if (value === REMOVE) delete parent[key];
    else parent[key] = value;
  }
  return copy;
}
