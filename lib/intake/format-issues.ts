/**
 * Turns a failed intake validation into a flat list a person can act on: where (field path in
 * the JSON, e.g. "substances[1].daysUsedLast30") and what rule was broken, in plain words.
 */
import type { z } from 'zod';

export interface IntakeIssue {
  /** Field path in the submitted JSON; "" means the intake as a whole. */
  readonly path: string;
  readonly message: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes a zod issue path the way the JSON is addressed in JavaScript: `a.b[2].c`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** Every problem in a failed intake (or intake draft) validation, one entry per field. */
export function formatIntakeIssues(error: Pick<z.ZodError, 'issues'>): IntakeIssue[] {
  return error.issues.flatMap((issue): IntakeIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      // zod reports unknown keys on their parent object; point at each key instead.
      return issue.keys.map((key) => ({
        path: formatIssuePath([...issue.path, key]),
        message: `"${key}" is not a field of the intake; remove it or check its spelling`,
      }));
    }
    return [{ path: formatIssuePath(issue.path), message: issue.message }];
  });
}
