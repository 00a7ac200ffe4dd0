// The case-list CSV's cells and rows (lib/cases/export/csv-format.ts): RFC 4180 quoting, formula
// cells neutralised, and a de-identified row that holds no identifier.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import {
  csvCaseLine,
  csvCell,
  csvHeader,
  DEIDENTIFIED_HEADER,
  IDENTIFIED_HEADER,
  type CsvCaseRow,
  type CsvLabels,
} from '@/lib/cases/export/csv-format';

/** Reads one CSV field back (the whole text is one field), as a spreadsheet would. */
function readField(text: string): string {
  if (!text.startsWith('"')) {
    expect(text).not.toMatch(/[",\r\n]/);
    return text;
  }
  expect(text.endsWith('"')).toBe(true);
  const inner = text.slice(1, -1);
  expect(inner.replace(/""/g, '')).not.toContain('"');
  return inner.replace(/""/g, '"');
}

/** Splits one CSV line (without CRLF) into fields. */
function readLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

describe('csvCell', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])(
    'neutralises a cell starting with %j: leading quote mark, quoted',
    (start) => {
      const value = `${start}HYPERLINK("http://x","y")`;
      const cell = csvCell(value);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(readField(cell)).toBe(`'${value}`);
    },
  );

  it('neutralises a negative number given as text and as a number', () => {
    expect(csvCell('-5')).toBe(`"'-5"`);
    expect(csvCell(-5)).toBe(`"'-5"`);
  });

  it('leaves a formula character that is not first alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('3.1-WM')).toBe('3.1-WM');
  });

  it('quotes commas, quotes and line breaks and doubles quotes', () => {
    expect(csvCell('Lee, Jordan')).toBe('"Lee, Jordan"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rinside')).toBe('"cr\rinside"');
  });

  it('writes null and undefined as empty cells and booleans as words', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  test.prop([fc.string({ unit: 'binary' })])(
    'reads back as the value, with a leading quote mark when it starts like a formula',
    (value) => {
      const cell = csvCell(value);
      const back = readField(cell);
      if (/^[=+\-@\t\r]/.test(value)) {
        expect(back).toBe(`'${value}`);
      } else {
        expect(back).toBe(value);
      }
      // Whatever a spreadsheet sees first is never a formula character.
      expect(back).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});

const LABELS: CsvLabels = {
  status: { NEW: 'New' },
  urgentFlag: { SEIZURE_HISTORY: 'Seizure history', SUICIDE_RISK: 'Suicide risk' },
  dateTime: (at) => at.toISOString(),
  year: (at) => String(at.getUTCFullYear()),
};

const ROW: CsvCaseRow = {
  id: '0b7f2c4e-9a51-4e1e-8a3c-1f2d3e4f5a6b',
  createdAt: new Date('2026-03-14T15:09:26Z'),
  updatedAt: new Date('2026-04-01T08:00:00Z'),
  status: 'NEW',
  finalLevel: '3.7',
  finalWm: '3.7-WM',
  computedLevel: '3.5',
  computedWm: '3.7-WM',
  flags: ['SEIZURE_HISTORY', 'NOT_URGENT_CODE'],
  assignedToName: 'Dr. Rivera',
  patientFirstName: 'José',
  patientLastName: 'Núñez',
  patientDateOfBirth: '1988-07-21',
  patientMrn: 'MRN-77123',
  patientPhone: '+1 555 0100',
  contactName: 'Ana Núñez',
  contactPhone: '555-0199',
};

describe('csvCaseLine', () => {
  it('identified: every column of the header, in order, formula-looking phone neutralised', () => {
    const fields = readLine(csvCaseLine(ROW, false, LABELS).replace(/\r\n$/, ''));
    expect(fields).toHaveLength(IDENTIFIED_HEADER.length);
    expect(fields).toEqual([
      ROW.id,
      'Núñez',
      'José',
      '1988-07-21',
      'MRN-77123',
      "'+1 555 0100",
      'Ana Núñez',
      '555-0199',
      '2026-03-14T15:09:26.000Z',
      '2026-04-01T08:00:00.000Z',
      'New',
      '3.7',
      '3.7-WM',
      'yes',
      'Seizure history',
      'Dr. Rivera',
    ]);
  });

  it('de-identified: no case id, name, date of birth, MRN, phone or contact; dates as years', () => {
    const line = csvCaseLine(ROW, true, LABELS);
    for (const identifier of [
      ROW.id,
      'José',
      'Núñez',
      '1988',
      '07-21',
      'MRN-77123',
      '555',
      'Ana',
      '2026-03-14',
      '15:09',
    ])
      expect(line).not.toContain(identifier);
    const fields = readLine(line.replace(/\r\n$/, ''));
    expect(fields).toHaveLength(DEIDENTIFIED_HEADER.length);
    expect(fields.slice(0, 2)).toEqual(['2026', '2026']);
  });

  it('de-identified header names no identifying column', () => {
    const header = csvHeader(true);
    for (const column of ['Case id', 'name', 'Date of birth', 'MRN', 'Phone', 'contact'])
      expect(header.toLowerCase()).not.toContain(column.toLowerCase());
    expect(csvHeader(false)).toContain('MRN');
  });

  it('lists only the urgent flags, in their order, joined by "; ", and nothing for none', () => {
    const column = IDENTIFIED_HEADER.indexOf('Urgent flags');
    const urgentOf = (flags: string[]) =>
      readLine(csvCaseLine({ ...ROW, flags }, false, LABELS).replace(/\r\n$/, ''))[column];
    expect(urgentOf(['SUICIDE_RISK', 'NOT_URGENT_CODE', 'SEIZURE_HISTORY'])).toBe('Suicide risk; Seizure history');
    expect(urgentOf(['NOT_URGENT_CODE'])).toBe('');
    expect(urgentOf([])).toBe('');
  });

  it('says "no" when the final level is the computed one', () => {
    const fields = readLine(csvCaseLine({ ...ROW, finalLevel: '3.5' }, true, LABELS).replace(/\r\n$/, ''));
    expect(fields[DEIDENTIFIED_HEADER.indexOf('Overridden')]).toBe('no');
  });
});
