// The form kit's looks, as plain strings: importable by server and client components alike (a
// value exported from a 'use client' module is only a reference on the server). Every control
// shows a visible focus ring and a clear invalid state.

/** A 3 px sky-700 outline on keyboard focus: the `focus-ring` utility in app/globals.css. */
export const focusRing = 'focus-ring';

// The controls' looks are short classes in app/globals.css (the components layer, so a layout
// utility a caller appends — w-56, mt-1, py-1.5 — wins): the utility lists they replace were
// repeated on every control of every form, in the HTML and again in the React payload.

/** Text inputs, text areas and selects: border, padding, focus ring, invalid and disabled states. */
export const inputClass = 'form-input';

export const radioClass = 'form-radio';

export const checkboxClass = 'form-checkbox';

export const buttonClass = {
  primary: 'btn-primary',
  secondary: 'btn-secondary',
  danger: 'btn-danger',
} as const;

export type ButtonVariant = keyof typeof buttonClass;
