/**
 * Case search keys: names and MRNs reduced to lower-case letters and digits, accents folded
 * ("José O'Brien-Núñez" → "jose", "obriennunez"), so a search matches however it was typed.
 * A prefix is searched as the range [prefix, next prefix): a plain B-tree index serves it under
 * any collation (LIKE 'x%' needs text_pattern_ops, which Prisma cannot keep in its schema), and
 * for strings of only [0-9a-z] every collation orders those ranges the same way.
 */

/** Letters that Unicode decomposition does not split into a base letter plus an accent. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? '')
    .replace(/[^a-z0-9]/g, '');
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The smallest key after every key that starts with `prefix`, or null when there is none
 * (a prefix of only "z"s). `prefix` must already be a search key.
 */
export function prefixUpperBound(prefix: string): string | null {
  if (!/^[0-9a-z]*$/.test(prefix))
    throw new RangeError('prefixUpperBound needs a search key (letters a-z and digits only)');
  let head = prefix;
  while (head.length > 0) {
    const position = ALPHABET.indexOf(head[head.length - 1] ?? '');
    if (position < ALPHABET.length - 1) return head.slice(0, -1) + ALPHABET[position + 1];
    head = head.slice(0, -1);
  }
  return null;
}

const MAX_SEARCH_TERMS = 4;
export const MAX_SEARCH_LENGTH = 100;

/** Splits what staff typed into search keys: every term must match a first name, last name or MRN. */
export function parseCaseSearch(query: string): string[] {
  return query
    .slice(0, MAX_SEARCH_LENGTH)
    .split(/[\s,;/]+/)
    .map(searchKey)
    .filter((term) => term !== '')
    .slice(0, MAX_SEARCH_TERMS);
}
