'use client';

import { signOut } from 'next-auth/react';
import { useCallback, useEffect, useRef, useState } from 'react';

import { buttonClass } from '@/components/forms/styles';
import { signInPath, type SignInReason } from '@/lib/auth/callback-url';

import { signOutAndGoTo } from './sign-out';

const ACTIVITY_EVENTS = [
  'keydown',
  'mousedown',
  'pointerdown',
  'mousemove',
  'wheel',
  'touchstart',
  'input',
  'focusin',
] as const;
/** Shared by this site's tabs: activity confirmed in one keeps the others signed in too. */
const STORAGE_KEY = 'intake.session.confirmedActivityAt';

export interface IdleTimeoutProps {
  idleTimeoutSeconds: number;
  warningSeconds: number;
  heartbeatSeconds: number;
  /** Milliseconds until the absolute session limit, as the server computed it at render time. */
  absoluteRemainingMs: number;
  /** "12 hours" */
  absoluteLimitLabel: string;
}

function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0
    ? `${minutes}:${String(seconds).padStart(2, '0')}`
    : `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/**
 * Automatic logoff in the browser. Keyboard, mouse and touch activity is reported to the server
 * (GET /api/auth/session refreshes the session's lastActivityAt) at most once per heartbeat; the
 * countdown runs from the last report the server confirmed, so the browser never believes in a
 * session the server has already ended. A dialog warns `warningSeconds` before the end with
 * "Stay signed in"; at zero the browser signs out and shows the sign-in page with the reason.
 * The server enforces the same limits on its own (lib/auth/session.ts, proxy.ts).
 */
export function IdleTimeout({
  idleTimeoutSeconds,
  warningSeconds,
  heartbeatSeconds,
  absoluteRemainingMs,
  absoluteLimitLabel,
}: IdleTimeoutProps) {
  const [mountedAt] = useState(() => Date.now());
  const confirmedAt = useRef(mountedAt);
  const lastSentAt = useRef(0);
  const ending = useRef(false);
  const [remainingMs, setRemainingMs] = useState(idleTimeoutSeconds * 1000);
  const [warning, setWarning] = useState<'idle' | 'absolute' | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  const absoluteDeadline = mountedAt + absoluteRemainingMs;

  const end = useCallback((reason: SignInReason) => {
    if (ending.current) return;
    ending.current = true;
    const here = `${window.location.pathname}${window.location.search}`;
    void signOutAndGoTo(signOut, signInPath({ callbackPath: here, reason }));
  }, []);

  const heartbeat = useCallback(async () => {
    const sentAt = Date.now();
    lastSentAt.current = sentAt;
    try {
      const response = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' });
      const session = (await response.json()) as { user?: unknown };
      if (!response.ok || !session.user) {
        end('ended'); // the server ended it (deactivated, reset, or timed out)
        return false;
      }
      confirmedAt.current = Math.max(confirmedAt.current, sentAt);
      try {
        window.localStorage.setItem(STORAGE_KEY, String(confirmedAt.current));
      } catch {
        // storage unavailable (private mode): this tab still works on its own
      }
      return true;
    } catch {
      return false; // offline: keep counting down from the last confirmed activity
    }
  }, [end]);

  // A page load follows a click or a typed address: count it as activity.
  useEffect(() => {
    void heartbeat();
  }, [heartbeat]);

  useEffect(() => {
    const onActivity = () => {
      // While the warning is up, only "Stay signed in" counts: a stray mouse move should not
      // silently keep an unattended screen open.
      if (dialogRef.current?.open) return;
      if (Date.now() - lastSentAt.current >= heartbeatSeconds * 1000) void heartbeat();
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY || !event.newValue) return;
      const at = Number(event.newValue);
      if (Number.isFinite(at)) confirmedAt.current = Math.max(confirmedAt.current, at);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    window.addEventListener('storage', onStorage);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.removeEventListener('storage', onStorage);
    };
  }, [heartbeat, heartbeatSeconds]);

  useEffect(() => {
    const tick = () => {
      const now = Date.now();
      const idleLeft = confirmedAt.current + idleTimeoutSeconds * 1000 - now;
      const absoluteLeft = absoluteDeadline - now;
      const left = Math.min(idleLeft, absoluteLeft);
      setRemainingMs(left);
      if (left <= 0) {
        end(absoluteLeft <= idleLeft ? 'expired' : 'idle');
        return;
      }
      if (left <= warningSeconds * 1000) setWarning(absoluteLeft <= idleLeft ? 'absolute' : 'idle');
      else setWarning(null);
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [absoluteDeadline, end, idleTimeoutSeconds, warningSeconds]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (warning && !dialog.open) {
      dialog.showModal();
      // The safe choice gets focus (showModal would pick the first button, "Sign out now").
      stayRef.current?.focus();
    }
    if (!warning && dialog.open) dialog.close();
  }, [warning]);

  async function staySignedIn() {
    if (await heartbeat()) setWarning(null);
  }

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-text"
      onCancel={(event) => {
        // Escape means "I am here": same as Stay signed in (for the idle warning).
        event.preventDefault();
        if (warning === 'idle') void staySignedIn();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="idle-warning-title" className="text-lg font-semibold">
        {warning === 'absolute' ? 'Your session is about to reach its time limit' : 'Are you still there?'}
      </h2>
      <p id="idle-warning-text" className="mt-2 text-sm text-slate-700">
        {warning === 'absolute'
          ? `For security, sessions last at most ${absoluteLimitLabel}. You will be signed out in ${formatCountdown(remainingMs)}; save your work.`
          : `You will be signed out in ${formatCountdown(remainingMs)} because there has been no activity. Unsaved changes in forms may be lost.`}
      </p>
      <div className="mt-5 flex justify-end gap-3">
        <button type="button" onClick={() => end('signedout')} className={buttonClass.secondary}>
          Sign out now
        </button>
        {warning === 'idle' ? (
          <button ref={stayRef} type="button" onClick={() => void staySignedIn()} className={buttonClass.primary}>
            Stay signed in
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
