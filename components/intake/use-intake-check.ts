'use client';

import { useEffect, useState } from 'react';

import { checkIntakeAction, type IntakeCheckResult } from '@/app/(staff)/intake/actions';
import type { IntakeFormValues } from '@/lib/intake/form/values';

import { CheckSequence } from './check-freshness';

/** Pause after the last change before asking the server again. */
const CHECK_DELAY_MS = 300;
const RETRY_MS = 3_000;

export interface IntakeCheck {
  /** The newest answer from the server, or null before the first. */
  readonly result: IntakeCheckResult | null;
  /** The answers `result` was computed for (see issuesStillCurrent: its problems count only where they still hold). */
  readonly checkedValues: IntakeFormValues | null;
  /** The answers changed since that result was computed. */
  readonly pending: boolean;
  /** The server could not be reached for the newest answers. */
  readonly failed: boolean;
  /** Milliseconds from sending the answers to receiving the result, for the last check. */
  readonly roundTripMs: number | null;
}

/**
 * The live review: the answers go to the server (checkIntakeAction) after each pause in typing;
 * the server validates them as a full intake and, when complete, computes the recommendation.
 * Answers to older requests are dropped (CheckSequence), so the newest answers always win, and the
 * answers each result was computed for go with it, so a field's problems can be dropped as soon as
 * the field changes.
 */
export function useIntakeCheck(values: IntakeFormValues): IntakeCheck {
  const [checked, setChecked] = useState<{
    for: IntakeFormValues | null;
    result: IntakeCheckResult | null;
    failed: boolean;
    roundTripMs: number | null;
  }>({
    for: null,
    result: null,
    failed: false,
    roundTripMs: null,
  });
  const [sequence] = useState(() => new CheckSequence());

  useEffect(() => {
    const request = sequence.next();
    let timer: ReturnType<typeof setTimeout>;
    const run = async () => {
      const started = performance.now();
      try {
        const result = await checkIntakeAction(values);
        if (sequence.isLatest(request))
          setChecked({ for: values, result, failed: false, roundTripMs: Math.round(performance.now() - started) });
      } catch {
        if (!sequence.isLatest(request)) return;
        setChecked((previous) => ({ ...previous, failed: true }));
        timer = setTimeout(() => void run(), RETRY_MS);
      }
    };
    timer = setTimeout(() => void run(), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, sequence]);

  return {
    result: checked.result,
    checkedValues: checked.for,
    pending: checked.for !== values,
    failed: checked.failed,
    roundTripMs: checked.roundTripMs,
  };
}
