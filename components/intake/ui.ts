/** Class names shared by the intake and case components: visible focus everywhere, clear errors. */

export const focusRing = 'focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

export const textInputClass = `block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm ${focusRing} aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700`;

export const button = {
  primary: `inline-flex items-center justify-center gap-2 rounded-md bg-sky-800 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-900 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`,
  secondary: `inline-flex items-center justify-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`,
  danger: `inline-flex items-center justify-center gap-2 rounded-md border border-red-400 bg-white px-3 py-1.5 text-sm font-medium text-red-800 shadow-sm hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`,
} as const;

export const radioClass = `h-4 w-4 border-slate-500 text-sky-800 ${focusRing}`;
