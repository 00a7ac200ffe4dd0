// The text of each page of a PDF, as a reader (or a screen reader, or copy and paste) gets it:
// pdf.js (the Firefox viewer) decodes the fonts' ToUnicode maps, so a glyph that does not map back
// to its character shows here as a mismatch.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  readonly title: string | null;
  /** One string per page, text items joined by spaces, runs of white space collapsed. */
  readonly pages: readonly string[];
}

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(collapse(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')));
  }
  const metadata = await pdf.getMetadata();
  const info = metadata.info as { Title?: string };
  await pdf.destroy();
  return { title: info.Title ?? null, pages };
}
