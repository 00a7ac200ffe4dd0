// The form kit's looks, as plain strings: importable by server and client components alike (a
// value exported from a 'use client' module is only a reference on the server). Every control
// shows a visible focus ring and a clear invalid state.

/** A 3 px sky-700 outline on keyboard focus: the `focus-ring` utility in app/globals.css. */
export const focusRing = 'focus-ring';

/** Text inputs, text areas and selects. */
export const inputClass = `block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm ${focusRing} aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 disabled:bg-slate-100`;

export const radioClass = `h-4 w-4 border-slate-500 text-sky-800 ${focusRing}`;

export const checkboxClass = `h-4 w-4 ${focusRing}`;

const buttonBase = `inline-flex items-center justify-center gap-2 rounded-md text-sm shadow-sm disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const buttonClass = {
  primary: `${buttonBase} bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900`,
  secondary: `${buttonBase} border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-50`,
  danger: `${buttonBase} border border-red-400 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50`,
} as const;

export type ButtonVariant = keyof typeof buttonClass;
