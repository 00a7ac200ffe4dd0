import { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { parseUserCreateArgs } from '@/lib/staff/cli-args';
import { ChangeRoleSchema, FirstAdminSchema, NewStaffSchema, SetActiveSchema } from '@/lib/staff/schemas';

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe('NewStaffSchema', () => {
  it('normalises the email and name', () => {
    const parsed = NewStaffSchema.parse({
      email: '  Jane.Doe@Clinic.Example ',
      displayName: '  Jane Doe ',
      role: 'CLINICIAN',
      password: 'a perfectly fine one',
    });
    expect(parsed).toEqual({
      email: 'jane.doe@clinic.example',
      displayName: 'Jane Doe',
      role: 'CLINICIAN',
      password: 'a perfectly fine one',
    });
  });

  it('names every field that is wrong, the password policy included', () => {
    const result = NewStaffSchema.safeParse({ email: 'jane', displayName: ' ', role: 'ROOT', password: 'jane' });
    expect(fieldErrors(result)).toEqual({
      email: ['Enter an email address like name@clinic.org.'],
      displayName: ['Enter the name to show for this person.'],
      role: ['Choose a role.'],
      password: [
        'Use at least 12 characters (this one has 4).',
        'Do not include the part of the email before the @ (“jane”).',
      ],
    });
  });

  it('asks for each missing field', () => {
    expect(fieldErrors(NewStaffSchema.safeParse({}))).toEqual({
      email: ['Enter an email address.'],
      displayName: ['Enter the name to show for this person.'],
      role: ['Choose a role.'],
      password: ['Enter a password.'],
    });
  });
});

describe('FirstAdminSchema', () => {
  it('checks the password against the email', () => {
    expect(
      fieldErrors(
        FirstAdminSchema.safeParse({ email: 'admin@clinic.example', displayName: 'A', password: 'admin-password-1' }),
      ),
    ).toEqual({
      password: ['Do not include the part of the email before the @ (“admin”).'],
    });
  });
});

describe('row action schemas', () => {
  it('need a staff id that is a uuid', () => {
    expect(fieldErrors(ChangeRoleSchema.safeParse({ staffId: 'x', role: 'ADMIN' }))).toEqual({
      staffId: ['That staff account could not be found. Reload the page.'],
    });
  });

  it('read the active flag from its form value', () => {
    expect(SetActiveSchema.parse({ staffId: '3f2b8c1e-2d4a-4c6b-9e1f-0a1b2c3d4e5f', active: 'false' }).active).toBe(
      false,
    );
    expect(
      SetActiveSchema.safeParse({ staffId: '3f2b8c1e-2d4a-4c6b-9e1f-0a1b2c3d4e5f', active: 'maybe' }).success,
    ).toBe(false);
  });
});

describe('parseUserCreateArgs', () => {
  it('reads the three options, upper-casing the role', () => {
    expect(parseUserCreateArgs(['--email', 'a@b.org', '--name', 'A B', '--role', 'admin'])).toEqual({
      help: false,
      email: 'a@b.org',
      displayName: 'A B',
      role: 'ADMIN',
    });
    expect(parseUserCreateArgs(['--email=a@b.org', '--name=A', '--role=INTAKE'])).toMatchObject({ role: 'INTAKE' });
  });

  it('explains what is missing or unexpected', () => {
    expect(() => parseUserCreateArgs(['--email', 'a@b.org'])).toThrow('Missing --name, --role.');
    expect(() => parseUserCreateArgs(['--email', 'a@b.org', '--name', 'A', 'B', '--role', 'ADMIN'])).toThrow(
      'Unexpected argument "B"',
    );
    expect(() => parseUserCreateArgs(['--password', 'x'])).toThrow(/Unknown option '--password'/);
    expect(parseUserCreateArgs(['--help'])).toEqual({ help: true });
  });
});
