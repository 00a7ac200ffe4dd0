import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IntakeSchema } from '@/lib/intake';
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
