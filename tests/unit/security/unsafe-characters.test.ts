// Issue 13 item 10: names, notes and reasons refuse control and bidirectional-override characters,
// with a message naming the field.
import { describe, expect, it } from 'vitest';

import { NoteBodySchema, OverrideInputSchema } from '@/lib/cases/schemas';
import { freeTextField, requiredTextField } from '@/lib/intake/field-schemas';
import { firstUnsafeCharacter } from '@/lib/security/unsafe-characters';
import { NewStaffSchema } from '@/lib/staff/schemas';

const RLO = '\u202E';

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

describe('firstUnsafeCharacter', () => {
  it('finds controls and bidi overrides/isolates, and lets ordinary text, tabs and new lines through', () => {
    expect(firstUnsafeCharacter(`Ana${RLO}cod.exe`)).toBe('U+202E');
    expect(firstUnsafeCharacter('a\u2066b')).toBe('U+2066');
    expect(firstUnsafeCharacter('bell\u0007')).toBe('U+0007');
    expect(firstUnsafeCharacter('nul\u0000')).toBe('U+0000');
    expect(firstUnsafeCharacter('c1\u0085')).toBe('U+0085');
    expect(firstUnsafeCharacter('del\u007F')).toBe('U+007F');
    expect(firstUnsafeCharacter('Zoë Ñúñez-O’Brien, 李小龍, محمد')).toBeNull();
    expect(firstUnsafeCharacter('line one\nline two\r\n\tindented')).toBeNull();
  });
});

describe('the schemas refuse them, naming the field', () => {
  it('intake names (required text) and free text', () => {
    const firstName = requiredTextField('First name', 100);
    expect(messages(firstName.safeParse(`Ana${RLO}`))).toEqual([
      'First name contains a control or text-direction character (U+202E): remove it',
    ]);
    expect(firstName.safeParse('Ana María').success).toBe(true);
    const notes = freeTextField('Clinician notes', 2000);
    expect(messages(notes.safeParse('ok\u0000'))).toEqual([
      'Clinician notes contains a control or text-direction character (U+0000): remove it',
    ]);
    expect(notes.safeParse('two\nlines').success).toBe(true);
  });

  it('case notes and override reasons', () => {
    expect(messages(NoteBodySchema.safeParse(`Called back ${RLO}today`))).toEqual([
      'The note contains a control or text-direction character (U+202E): remove it',
    ]);
    expect(NoteBodySchema.safeParse('Called back.\nWill call again.').success).toBe(true);
    const override = OverrideInputSchema.safeParse({
      caseId: 'c',
      expectedVersion: '0',
      level: '',
      wm: '',
      reason: `Stable housing\u2067 and support`,
      confirmed: true,
    });
    expect(override.success).toBe(false);
    expect(override.error?.issues).toEqual([
      expect.objectContaining({
        path: ['reason'],
        message: 'The reason contains a control or text-direction character (U+2067): remove it',
      }),
    ]);
  });

  it('staff display names', () => {
    const result = NewStaffSchema.safeParse({
      email: 'new.person@clinic.test',
      displayName: `Dr. ${RLO}Okafor`,
      role: 'CLINICIAN',
      password: 'a sturdy first passphrase',
    });
    expect(messages(result)).toContain('The name contains a control or text-direction character (U+202E): remove it.');
  });
});
