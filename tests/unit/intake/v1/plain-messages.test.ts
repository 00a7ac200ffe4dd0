import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';
import { formatIntakeIssues, makeIntakeDraftSchema } from '@/lib/intake';
import { testIntakeSchema, TEST_TODAY } from '../../placement/intake-builder';
import { baselineWith, REMOVE, type JsonPath } from './raw-intake';

/** Every path in the baseline fixture, objects and leaves, plus one unknown key per object. */
function pathsIn(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [
    ...(prefix.length > 0 ? [prefix] : []),
    [...prefix, 'strayKey'],
    ...entries.flatMap(([key, item]) => pathsIn(item, [...prefix, key])),
  ];
}
const allPaths = pathsIn(baseline);

const junk = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(REMOVE),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** Words from zod's default messages, which staff should never see. */
const JARGON =
  /\bexpected\b|\breceived\b|invalid input|invalid option|\bNaN\b|\bundefined\b|\bzod\b|too (big|small)|unrecognized/i;

describe('validation messages are plain words', () => {
  // Edits go to different top-level keys, so no edit lands inside a value another edit replaced.
  const edits = fc.uniqueArray(fc.tuple(fc.constantFrom(...allPaths), junk), {
    minLength: 1,
    maxLength: 3,
    selector: ([path]) => path[0],
  });
  test.prop([edits], { numRuns: 1000 })(
    'for any damaged intake, every problem has a field path and a message without zod jargon',
    (edits) => {
      const input = baselineWith(...edits);
      for (const schema of [testIntakeSchema, makeIntakeDraftSchema({ today: TEST_TODAY })]) {
        const result = schema.safeParse(input);
        if (result.success) continue;
        const issues = formatIntakeIssues(result.error);
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.message).toMatch(/^["A-Z]/);
          expect(issue.message).not.toMatch(JARGON);
          expect(issue.path).toMatch(/^([A-Za-z_$][\w$]*|\[\d+\])?(\.[A-Za-z_$][\w$]*|\[\d+\]|\[".*"\])*$/);
        }
      }
    },
  );
});
