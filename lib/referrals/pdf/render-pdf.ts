// The referral summary as a printable PDF (issue 11 item 5; docs/referral-summary.md). Lays out
// the model of lib/referrals/summary/build-summary.ts with pdfkit and the DejaVu Sans fonts shipped
// in ./fonts (read from disk: no network, and every name prints, Nguyễn, Strauß and Núñez too).
// Every page carries "Confidential — 42 CFR Part 2" at the top and the short notice with
// "Page n of m" at the bottom, written after layout (bufferPages) when the page count is known.
import 'server-only';

import { readFileSync } from 'node:fs';
import path from 'node:path';

import PDFDocument from 'pdfkit';

import { buildReferralSummary, type SummaryBlock } from '@/lib/referrals/summary/build-summary';
import type { ReferralExportSource } from '@/lib/referrals/export-source';

/** Where the fonts live, relative to the app's root (next.config.ts traces them into the build). */
export const FONT_DIR = path.join('lib', 'referrals', 'pdf', 'fonts');
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = path.join(process.cwd(), FONT_DIR);
    fonts = {
      regular: readFileSync(path.join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')),
    };
  }
  return fonts;
}

const MARGIN = 54;
const TOP = 72;
const BOTTOM = 72;
const BODY_SIZE = 9.5;
const GAP = 3;

type Doc = PDFKit.PDFDocument;

/** The PDF of one referral summary. */
export async function renderReferralSummaryPdf(source: ReferralExportSource): Promise<Uint8Array> {
  const summary = buildReferralSummary(source);
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // The title shows in viewers' title bars and tabs: no patient data in it.
    info: { Title: summary.title, Author: source.programName, Subject: summary.banner },
    lang: 'en-US',
    autoFirstPage: false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  doc.addPage();

  doc.font(BOLD).fontSize(16).text(summary.title);
  doc.font(REGULAR).fontSize(BODY_SIZE).text(`${source.programName} to ${source.recipientName}`);
  doc.text(`Generated ${summary.generatedAt} by ${source.generatedByName}`);
  doc.moveDown(0.5);

  for (const section of summary.sections) {
    // The consent and the full notice start on a page of their own, at the end.
    if (section.id === 'consent') doc.addPage();
    else ensureSpace(doc, 48);
    doc.moveDown(0.6);
    doc.font(BOLD).fontSize(12).fillColor('black').text(section.heading, MARGIN);
    doc.moveDown(0.25);
    for (const block of section.blocks) {
      renderBlock(doc, block);
      doc.moveDown(0.3);
    }
  }

  writeRunningParts(doc, summary.banner, summary.shortNotice);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN * 2;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - BOTTOM;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function renderBlock(doc: Doc, block: SummaryBlock): void {
  doc.fontSize(BODY_SIZE);
  switch (block.kind) {
    case 'paragraphs':
      for (const paragraph of block.paragraphs) {
        doc.font(REGULAR).text(paragraph, MARGIN, undefined, { width: contentWidth(doc), align: 'left' });
        doc.moveDown(0.3);
      }
      return;
    case 'fields': {
      const labelWidth = 170;
      for (const field of block.fields) {
        drawRow(doc, [field.label, field.value], [labelWidth, contentWidth(doc) - labelWidth], { boldFirst: true });
      }
      return;
    }
    case 'table': {
      const widths = columnWidths(doc, block.columns.length);
      const header = () => drawRow(doc, block.columns, widths, { header: true });
      header();
      // A table that goes on over a page break repeats its header row there.
      for (const row of block.rows) drawRow(doc, row, widths, { onNewPage: header });
      return;
    }
  }
}

function columnWidths(doc: Doc, count: number): number[] {
  const width = contentWidth(doc);
  // The last column holds the long text (rationale, guidance, notes); the others are short.
  if (count === 2) return [170, width - 170];
  if (count === 3) return [150, 80, width - 230];
  const share = width / count;
  return Array.from({ length: count }, () => share);
}

/**
 * One row of cells side by side. A row that does not fit moves to the next page whole (after
 * `onNewPage` has drawn what a new page needs first); a row taller than a page flows as text.
 */
function drawRow(
  doc: Doc,
  cells: readonly string[],
  widths: readonly number[],
  options: { header?: boolean; boldFirst?: boolean; onNewPage?: () => void },
): void {
  const pad = 2;
  const fontFor = (index: number) => (options.header || (options.boldFirst && index === 0) ? BOLD : REGULAR);
  const heights = cells.map((cell, index) => {
    doc.font(fontFor(index));
    return doc.heightOfString(cell || ' ', { width: (widths[index] ?? 100) - pad * 2 });
  });
  const height = Math.max(...heights) + GAP * 2;
  const pageSpace = bottomLimit(doc) - TOP;
  if (height > pageSpace) {
    // Too tall for any page (a long note): label, then the text flowing across pages.
    doc.font(BOLD).text(cells.slice(0, -1).join(' · '), MARGIN);
    doc.font(REGULAR).text(cells[cells.length - 1] ?? '', MARGIN, undefined, { width: contentWidth(doc) });
    doc.moveDown(0.3);
    return;
  }
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    options.onNewPage?.();
  }
  const top = doc.y;
  if (options.header) {
    doc.save().rect(MARGIN, top, contentWidth(doc), height).fill('#e8e8e8').restore();
    doc.fillColor('black');
  }
  let x = MARGIN;
  cells.forEach((cell, index) => {
    const width = widths[index] ?? 100;
    doc.font(fontFor(index)).text(cell, x + pad, top + GAP, { width: width - pad * 2 });
    x += width;
  });
  doc
    .save()
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + contentWidth(doc), top + height)
    .lineWidth(0.4)
    .strokeColor('#999999')
    .stroke()
    .restore();
  doc.x = MARGIN;
  doc.y = top + height;
}

/** The header and footer of every page, written once the page count is known. */
function writeRunningParts(doc: Doc, banner: string, shortNotice: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const width = contentWidth(doc);
    doc.font(BOLD).fontSize(9).fillColor('black');
    doc.text(banner, MARGIN, 30, { width, align: 'left', lineBreak: false });
    doc.font(REGULAR).fontSize(8);
    doc.text(shortNotice, MARGIN, doc.page.height - 50, { width, align: 'left', lineBreak: false });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN, doc.page.height - 38, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
