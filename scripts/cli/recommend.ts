/**
 * Checks the placement rules (v1 and v2) without the web app or a database:
 *
 *   npm run --silent recommend < intake.json
 *
 * stdin holds one intake or a JSON array of intakes, of either version and mixed (no
 * `intakeVersion` → intake v1 scored by placement rules v1; `"intakeVersion": 2` → v2); stdout gets the recommendation (or an array
 * of them in the same order) as pretty JSON. Bad input exits with code 2 and lists each problem
 * on stderr with its field path, prefixed with the item index for arrays ("[1].substances[0]...").
 * Dates are checked against the machine's local date.
 */
import { formatIntakeIssues, makeAnyIntakeSchema, type AnyIntake } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

const EXIT_INVALID_INPUT = 2;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `[1].substances[0].daysUsedLast30`, `patient.dateOfBirth`, or `(intake)` for the whole intake. */
function problemLocation(itemIndex: number | null, fieldPath: string): string {
  const prefix = itemIndex === null ? '' : `[${itemIndex}]`;
  if (fieldPath === '') return prefix === '' ? '(intake)' : prefix;
  return fieldPath.startsWith('[') || prefix === '' ? `${prefix}${fieldPath}` : `${prefix}.${fieldPath}`;
}

type ValidationOutcome = { readonly intakes: AnyIntake[]; readonly problems: string[] };

function validateIntakes(items: readonly unknown[], isList: boolean): ValidationOutcome {
  const schema = makeAnyIntakeSchema();
  const intakes: AnyIntake[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) intakes.push(result.data);
    else {
      for (const issue of formatIntakeIssues(result.error)) {
        problems.push(`${problemLocation(isList ? index : null, issue.path)}: ${issue.message}`);
      }
    }
  });
  return { intakes, problems };
}

function failWithInvalidInput(problems: readonly string[]): void {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exitCode = EXIT_INVALID_INPUT;
}

async function main(): Promise<void> {
  const text = await readStdin();
  if (text.trim() === '') {
    failWithInvalidInput(['(input): no input; pipe one intake, or a JSON array of intakes, into stdin']);
    return;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    failWithInvalidInput([`(input): not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
    return;
  }

  const isList = Array.isArray(parsed);
  const items: readonly unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const { intakes, problems } = validateIntakes(items, isList);
  if (problems.length > 0) {
    failWithInvalidInput(problems);
    return;
  }

  const recommendations = intakes.map((intake) => recommendPlacement(intake));
  process.stdout.write(`${JSON.stringify(isList ? recommendations : recommendations[0], null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`recommend failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
