// Characters no name or note needs (issue 13 item 10): control characters, which can hide text or
// break logs and exports, and the bidirectional embedding/override/isolate characters, which make
// text display in a different order from how it is stored ("Trojan Source"). Tab, line feed and
// carriage return stay allowed (notes have lines). Pure and client-safe: used in the zod schemas.

// C0 controls but \t \n \r, DEL, C1 controls; LRE RLE PDF LRO RLO (U+202A–U+202E); LRI RLI FSI PDI (U+2066–U+2069).
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** The first unsafe character, as "U+202E", or null when there is none. */
export function firstUnsafeCharacter(text: string): string | null {
  const found = UNSAFE.exec(text);
  if (!found) return null;
  return `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function hasNoUnsafeCharacters(text: string): boolean {
  return !UNSAFE.test(text);
}

/** "First name contains a control or text-direction character (U+202E): remove it" */
export function unsafeCharacterMessage(label: string, text: unknown): string {
  const found = typeof text === 'string' ? firstUnsafeCharacter(text) : null;
  return `${label} contains a control or text-direction character${found ? ` (${found})` : ''}: remove it`;
}
