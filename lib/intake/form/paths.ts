/**
 * Reading and replacing one answer in the form values by its field path ("patient.firstName",
 * "substances[1].name", "withdrawal.ciwaAr.items.tremor") — the same paths the server uses for
 * its problems, so a message always lands on the field it is about. Immutable: each change
 * copies only the objects along the path.
 */

export function pathSegments(path: string): Array<string | number> {
  return Array.from(path.matchAll(/([^.[\]]+)|\[(\d+)\]/g), (match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''),
  );
}

export function getFormValue(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const segment of pathSegments(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function setAt(container: unknown, segments: ReadonlyArray<string | number>, value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(container) ? [...(container as unknown[])] : [];
    if (head < 0 || head >= list.length) throw new RangeError(`No entry ${head} in the list`);
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const record = container !== null && typeof container === 'object' ? (container as Record<string, unknown>) : {};
  return { ...record, [head]: setAt(record[head], rest, value) };
}

/** A copy of `values` with the answer at `path` replaced. */
export function setFormValue<T>(values: T, path: string, value: unknown): T {
  return setAt(values, pathSegments(path), value) as T;
}
