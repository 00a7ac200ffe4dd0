// Issue 13 item 3: the one-time setup code — its comparison, its file and its throttle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { createSetupCodeThrottle, currentSetupCode, discardSetupCode, newSetupCode, setupCodeFile, setupCodesMatch } =
  await import('@/app/setup/setup-code');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('setup code', () => {
  it('is 12 characters of an unambiguous alphabet, grouped by four, and new each time', () => {
    const code = newSetupCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newSetupCode()).not.toBe(code);
  });

  it('matches regardless of case, spaces and dashes; anything else does not match', () => {
    expect(setupCodesMatch('abcd efgh-jkmn', 'ABCD-EFGH-JKMN')).toBe(true);
    expect(setupCodesMatch('ABCD-EFGH-JKMP', 'ABCD-EFGH-JKMN')).toBe(false);
    expect(setupCodesMatch('', 'ABCD-EFGH-JKMN')).toBe(false);
    expect(setupCodesMatch('', '')).toBe(false);
  });

  it('INTAKE_SETUP_CODE fixes the code; otherwise it is created once in a 0600 file', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-setup-'));
    dirs.push(dataDir);
    expect(currentSetupCode({ INTAKE_SETUP_CODE: 'fixed-code', DATA_DIR: dataDir })).toBe('fixed-code');
    expect(fs.existsSync(setupCodeFile({ DATA_DIR: dataDir }))).toBe(false);

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const created = currentSetupCode({ DATA_DIR: dataDir });
    const file = setupCodeFile({ DATA_DIR: dataDir });
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(created);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(currentSetupCode({ DATA_DIR: dataDir })).toBe(created); // stable until spent

    discardSetupCode({ DATA_DIR: dataDir });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('the throttle refuses after 5 wrong codes until the window has passed', () => {
    const throttle = createSetupCodeThrottle(5, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(throttle.blocked(t0 + i)).toBe(false);
      throttle.recordFailure(t0 + i);
    }
    expect(throttle.blocked(t0 + 10)).toBe(true);
    expect(throttle.blocked(t0 + 59_000)).toBe(true);
    expect(throttle.blocked(t0 + 60_001)).toBe(false);
  });
});
