/**
 * Keyset cursors for the case list: the sort key and id of the row a page starts after (or, going
 * back, before), the sort it belongs to and the page number it opens. Opaque base64url in the URL —
 * it holds name search keys when sorting by name, so it is not readable at a glance, but it is no
 * secret either: the query re-applies the access condition and filters, so a forged cursor can only
 * move the page. Pure and client-safe.
 */
import type { CaseListSort, SortDirection } from './params';

export interface CaseListCursor {
  readonly sort: CaseListSort;
  readonly dir: SortDirection;
  /** 'next': rows after `key`; 'prev': rows before it. */
  readonly toward: 'next' | 'prev';
  /** The sort columns' values (ISO time for dates), then the id. */
  readonly key: readonly string[];
  readonly id: string;
  /** The page number this cursor opens (from 1; display only). */
  readonly page: number;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeCursor(cursor: CaseListCursor): string {
  return toBase64Url(
    JSON.stringify([
      cursor.sort,
      cursor.dir,
      cursor.toward === 'next' ? 'n' : 'p',
      cursor.page,
      cursor.id,
      ...cursor.key,
    ]),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_COUNT: Readonly<Record<CaseListSort, number>> = { intake: 1, updated: 1, name: 2, level: 1, status: 1 };

/** The cursor, or null when it is unreadable or belongs to another sort (the list opens at page 1). */
export function decodeCursor(value: string | null, sort: CaseListSort, dir: SortDirection): CaseListCursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string' || typeof part === 'number'))
      return null;
    const [cursorSort, cursorDir, toward, page, id, ...key] = parsed as Array<string | number>;
    if (cursorSort !== sort || cursorDir !== dir || (toward !== 'n' && toward !== 'p')) return null;
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 1 || typeof id !== 'string' || !UUID.test(id))
      return null;
    if (key.length !== KEY_COUNT[sort] || !key.every((part) => typeof part === 'string' && part.length <= 200))
      return null;
    if ((sort === 'intake' || sort === 'updated') && Number.isNaN(Date.parse(key[0] as string))) return null;
    return { sort, dir, toward: toward === 'n' ? 'next' : 'prev', page, id, key: key as string[] };
  } catch {
    return null;
  }
}
