// `npm run recommend` reads each intake by its own version: v1 without intakeVersion, v2 with
// intakeVersion 2, and a list may mix them (issue 8 §3).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parseIntake } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => readFileSync(`${root}tests/fixtures/intakes/${name}.json`, 'utf8');

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

function expectedFor(json: string) {
  const parsed = parseIntake(JSON.parse(json));
  if (!parsed.success) throw new Error('fixture does not parse');
  return recommendPlacement(parsed.data);
}

describe('npm run recommend with v1 and v2 intakes', { timeout: 60_000 }, () => {
  it('scores a v2 intake with placement rules v2', () => {
    const input = fixture('v2-pregnant-heroin-fentanyl-xanax');
    const { exitCode, stdout, stderr } = runCli(input);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const output = JSON.parse(stdout) as { rulesVersion: string; flags: string[] };
    expect(output).toEqual(JSON.parse(JSON.stringify(expectedFor(input))));
    expect(output.rulesVersion).toBe('placement-v2');
    expect(output.flags).toEqual(expect.arrayContaining(['OVERDOSE_RISK', 'MOUD_FIRST', 'PREGNANCY_PRIORITY']));
  });

  it('scores a list mixing v1 and v2 intakes, each by its own rules, in order', () => {
    const { exitCode, stdout, stderr } = runCli(
      `[${fixture('klonopin-daily-8-months')},${fixture('v2-stable-methadone')}]`,
    );
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect((JSON.parse(stdout) as Array<{ rulesVersion: string }>).map((item) => item.rulesVersion)).toEqual([
      'placement-v1',
      'placement-v2',
    ]);
  });

  it('exits 2 naming the field paths of a bad v2 intake, with its index in a list', () => {
    const { exitCode, stdout, stderr } = runCli(
      `[${fixture('v2-benign-baseline')},${fixture('v2-invalid-cross-field')}]`,
    );
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('[1].patient.pregnancy');
    expect(stderr).not.toMatch(/^\[0\]/m); // the valid first intake has no problem
  });

  it('exits 2 for an unknown intake version, naming intakeVersion', () => {
    const { exitCode, stderr } = runCli(
      JSON.stringify({ ...JSON.parse(fixture('v2-benign-baseline')), intakeVersion: 3 }),
    );
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^intakeVersion: /m);
  });
});
