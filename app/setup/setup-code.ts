// The one-time setup code that /setup asks for while no account exists (issue 13 item 3), so
// whoever reaches the port first — or a web page through DNS rebinding — cannot create the
// administrator. The code is INTAKE_SETUP_CODE when set (tests, CI, scripted installs); otherwise
// `<DATA_DIR>/setup-code` (mode 0600), created by `npm start` (which prints it) or, when the app
// was started some other way, here on first use (logged to the server console). It is removed
// once the administrator exists.
import 'server-only';

import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { logger } from '@/lib/logger';

type Env = Record<string, string | undefined>;

export const SETUP_CODE_FILE_NAME = 'setup-code';
// Crockford base32 without look-alikes (no I, L, O, U): 12 characters ≈ 60 bits.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** Wrong codes allowed per window, for the whole server (setup happens once: a global count is enough). */
export const SETUP_CODE_MAX_FAILURES = 5;
export const SETUP_CODE_WINDOW_MS = 10 * 60_000;

export const SETUP_CODE_WRONG =
  'The setup code is not correct. It is printed on the server console when Intake starts, and kept in the file setup-code in the data folder.';
export const SETUP_CODE_THROTTLED =
  'Too many wrong setup codes. Wait 10 minutes, then try again with the code from the server console.';

function dataDir(env: Env = process.env): string {
  return path.resolve(process.cwd(), env.DATA_DIR || '.data');
}

export function setupCodeFile(env: Env = process.env): string {
  return path.join(dataDir(env), SETUP_CODE_FILE_NAME);
}

/** "ABCD-EFGH-JKMN": a fresh random code. */
export function newSetupCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** What the comparison sees: upper case, no spaces or dashes (people copy codes loosely). */
export function normaliseSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Constant-time equality of two codes after normalising. */
export function setupCodesMatch(typed: string, expected: string): boolean {
  const a = createHash('sha256').update(normaliseSetupCode(typed)).digest();
  const b = createHash('sha256').update(normaliseSetupCode(expected)).digest();
  return normaliseSetupCode(expected).length > 0 && timingSafeEqual(a, b);
}

/** The expected code, creating the file (0600, in a 0700 folder) the first time. */
export function currentSetupCode(env: Env = process.env): string {
  const fixed = env.INTAKE_SETUP_CODE?.trim();
  if (fixed) return fixed;
  const file = setupCodeFile(env);
  const existing = readTrimmed(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${newSetupCode()}\n`, { mode: 0o600, flag: 'wx' });
    const code = readTrimmed(file) ?? '';
    // The console is where the person installing looks; the code is no patient data.
    logger.warn('setup', 'setup_code_created', { code, file: SETUP_CODE_FILE_NAME });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const code = readTrimmed(file);
  if (!code) throw new Error('setup code file unreadable');
  return code;
}

/** After the first administrator exists the code is spent. */
export function discardSetupCode(env: Env = process.env): void {
  fs.rmSync(setupCodeFile(env), { force: true });
}

function readTrimmed(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A small fixed-window counter of wrong codes, for the whole process. Time passed in. */
export function createSetupCodeThrottle(max = SETUP_CODE_MAX_FAILURES, windowMs = SETUP_CODE_WINDOW_MS) {
  let windowStart = 0;
  let failures = 0;
  return {
    /** True while the window is full: refuse without comparing. */
    blocked(now: number): boolean {
      if (now - windowStart >= windowMs) {
        windowStart = now;
        failures = 0;
      }
      return failures >= max;
    },
    recordFailure(now: number): void {
      if (now - windowStart >= windowMs) {
        windowStart = now;
        failures = 0;
      }
      failures += 1;
    },
  };
}

const throttle = createSetupCodeThrottle();

export type SetupCodeCheck = { ok: true } | { ok: false; message: string };

/** Checks a typed setup code against the current one, counting wrong ones. */
export function checkSetupCode(typed: string, now: number = Date.now()): SetupCodeCheck {
  if (throttle.blocked(now)) return { ok: false, message: SETUP_CODE_THROTTLED };
  if (setupCodesMatch(typed, currentSetupCode())) return { ok: true };
  throttle.recordFailure(now);
  logger.warn('setup', 'setup_code_wrong');
  return { ok: false, message: SETUP_CODE_WRONG };
}
