import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatIntakeIssues, makeAnyIntakeSchema, makeIntakeV2DraftSchema } from '@/lib/intake';
import { REMOVE, V2_TODAY, testIntakeV2Schema, v2Baseline, withEdits, type JsonPath } from './v2-test-intake';

/** Every path in the v2 baseline (with an emergency contact), objects and leaves, plus one unknown key per object. */
function pathsIn(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [
    ...(prefix.length > 0 ? [prefix] : []),
    [...prefix, 'strayKey'],
    ...entries.flatMap(([key, item]) => pathsIn(item, [...prefix, key])),
  ];
}
const source = withEdits(v2Baseline, [
  ['patient', 'emergencyContact'],
  { name: 'Sam', phone: '555-0100', relationship: 'Friend' },
]);
const allPaths = pathsIn(source);

const junk = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(REMOVE),
  fc.constantFrom('yes', 'no', 'unknown', 'male', 'opioid', 'ghb', '2025-05-01', '2024-02-29', 1, 2, 31, 43),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** Words from zod's default messages, which staff should never see. */
const JARGON =
  /\bexpected\b|\breceived\b|invalid input|invalid option|\bNaN\b|\bundefined\b|\bzod\b|too (big|small)|unrecognized/i;

describe('v2 validation messages are plain words', () => {
  // Several edits may land in one section, so cross-field rules see unusual mixes too.
  const edits = fc.uniqueArray(fc.tuple(fc.constantFrom(...allPaths), junk), {
    minLength: 1,
    maxLength: 3,
    selector: ([path]) => path.join('.'),
  });
  const schemas = [
    testIntakeV2Schema,
    makeIntakeV2DraftSchema({ today: V2_TODAY }),
    makeAnyIntakeSchema({ today: V2_TODAY }),
  ];
  test.prop([edits], { numRuns: 400 })(
    'for any damaged v2 intake, every problem has a field path and a message without zod jargon',
    (edits) => {
      // Later edits may point inside a value an earlier one replaced; skip those.
      let input: unknown;
      try {
        input = withEdits(source, ...edits);
      } catch {
        return;
      }
      for (const schema of schemas) {
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
    30_000,
  );
});
