import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IntakeSchema, makeAnyIntakeSchema } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => readFileSync(`${root}tests/fixtures/intakes/${name}.json`, 'utf8');

/** Runs the real CLI the way `npm run --silent recommend < file` does. */
function runCli(stdin: string) {
  const result = spawnSync(`${root}node_modules/.bin/tsx`, ['scripts/cli/recommend.ts'], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

const expectedFor = (json: string) => recommendPlacement(IntakeSchema.parse(JSON.parse(json)));

describe('npm run recommend', { timeout: 60_000 }, () => {
  it('prints the recommendation for one intake as pretty JSON', () => {
    const input = fixture('klonopin-daily-8-months');
    const { exitCode, stdout, stderr } = runCli(input);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual(expectedFor(input));
    expect(stdout).toMatch(/^\{\n {2}"rulesVersion": "placement-v1",\n {2}"treatmentLevel": "3.7",/);
  });

  it('prints an array of recommendations in the order of the input array', () => {
    const names = [
      'klonopin-few-times',
      'alcohol-severe-withdrawal-seizure-history',
      'homeless-moderate-alcohol-withdrawal',
      'klonopin-daily-8-months',
    ];
    const inputs = names.map(fixture);
    const { exitCode, stdout, stderr } = runCli(`[${inputs.join(',')}]`);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const output = JSON.parse(stdout) as Array<{ treatmentLevel: string; withdrawalManagement: string }>;
    expect(output.map((item) => [item.treatmentLevel, item.withdrawalManagement])).toEqual([
      ['0.5', 'none'],
      ['4', '4-WM'],
      ['2.1', '3.2-WM'],
      ['3.7', '3.7-WM'],
    ]);
    expect(output).toEqual(inputs.map(expectedFor));
  });

  it('prints [] for an empty array', () => {
    expect(runCli('[]')).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
  });

  it('exits 2 and lists each problem with its field path for an invalid intake', () => {
    expect(runCli(fixture('invalid-days-and-unknown-field'))).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'patient.nickname: "nickname" is not a field of the intake; remove it or check its spelling\n' +
        'substances[0].daysUsedLast30: Days used in the last 30 must be a whole number from 0 to 30\n',
    });
  });

  it('prefixes problems with the item index for arrays and prints nothing on stdout', () => {
    const valid = fixture('klonopin-few-times');
    const { exitCode, stdout, stderr } = runCli(`[${valid}, ${fixture('invalid-days-and-unknown-field')}, 7]`);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      '[1].patient.nickname: "nickname" is not a field of the intake; remove it or check its spelling',
      '[1].substances[0].daysUsedLast30: Days used in the last 30 must be a whole number from 0 to 30',
      '[2]: The intake must be a group of fields',
      '',
    ]);
  });

  it('exits 2 for text that is not JSON, and for no input', () => {
    const notJson = runCli('{"patient": ');
    expect(notJson.exitCode).toBe(2);
    expect(notJson.stdout).toBe('');
    expect(notJson.stderr).toMatch(/^\(input\): not valid JSON \(.+\)\n$/);

    expect(runCli('  \n')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: '(input): no input; pipe one intake, or a JSON array of intakes, into stdin\n',
    });
  });

  it('checks dates against today: a last use in the future is rejected', () => {
    const intake = JSON.parse(fixture('klonopin-few-times')) as { substances: Array<{ lastUse?: string }> };
    const [first] = intake.substances;
    if (first) first.lastUse = '2999-01-01';
    const { exitCode, stderr } = runCli(JSON.stringify(intake));
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(
      /^substances\[0\]\.lastUse: Date of last use cannot be in the future \(today is \d{4}-\d{2}-\d{2}\)\n$/,
    );
  });
});

describe('npm run recommend with intake v2', { timeout: 60_000 }, () => {
  const expectedAny = (json: string) => recommendPlacement(makeAnyIntakeSchema().parse(JSON.parse(json)));

  it('scores a v2 intake by placement rules v2', () => {
    const input = fixture('v2-pregnant-heroin-fentanyl-xanax');
    const { exitCode, stdout, stderr } = runCli(input);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const output = JSON.parse(stdout) as { rulesVersion: string; flags: string[] };
    expect(output).toEqual(JSON.parse(JSON.stringify(expectedAny(input))));
    expect(output.rulesVersion).toBe('placement-v2');
    expect(output.flags).toEqual(expect.arrayContaining(['OVERDOSE_RISK', 'MOUD_FIRST', 'PREGNANCY_PRIORITY']));
  });

  it('scores an array mixing v1 and v2 intakes, each by its own version, in order', () => {
    const inputs = ['klonopin-daily-8-months', 'v2-stable-methadone', 'benign-baseline', 'v2-benign-baseline'].map(
      fixture,
    );
    const { exitCode, stdout, stderr } = runCli(`[${inputs.join(',')}]`);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const output = JSON.parse(stdout) as Array<{ rulesVersion: string }>;
    expect(output.map((item) => item.rulesVersion)).toEqual([
      'placement-v1',
      'placement-v2',
      'placement-v1',
      'placement-v2',
    ]);
    expect(output).toEqual(JSON.parse(JSON.stringify(inputs.map(expectedAny))));
  });

  it('exits 2 with index-prefixed field paths for bad v2 items and a bad intakeVersion in a mixed array', () => {
    const badVersion = JSON.stringify({ ...(JSON.parse(fixture('benign-baseline')) as object), intakeVersion: 1 });
    const { exitCode, stdout, stderr } = runCli(
      `[${fixture('benign-baseline')},${fixture('v2-invalid-cross-field')},${badVersion}]`,
    );
    expect({ exitCode, stdout }).toEqual({ exitCode: 2, stdout: '' });
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => /^\[[12]\][.a-zA-Z]/.test(line))).toBe(true);
    expect(lines).toContain('[2].intakeVersion: Intake version must be 2, or left out for a version 1 intake');
  });
});
