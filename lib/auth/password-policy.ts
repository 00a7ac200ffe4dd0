// Password policy (issue 3): at least 12 characters and not containing the part of the email
// before the @. Pure, so the sign-up form, the admin page, /setup and the CLI give the same
// messages, and it can be unit-tested without argon2 or a database.

export const PASSWORD_MIN_LENGTH = 12;
/** Generous, but bounded: hashing a multi-megabyte "password" is a cheap denial of service. */
export const PASSWORD_MAX_LENGTH = 256;
/**
 * Local parts shorter than this are not checked: refusing every password that contains "al"
 * (al@clinic.org) would reject good passwords while adding nothing an attacker could guess.
 */
const LOCAL_PART_MIN_CHECKED_LENGTH = 3;

/** Counts user-perceived characters closely enough: code points, not UTF-16 units. */
function characterCount(value: string): number {
  return [...value].length;
}

/** The part of the email before the last @, lower-cased. */
export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return (at === -1 ? email : email.slice(0, at)).trim().toLowerCase();
}

/**
 * Every rule the password breaks, as sentences a staff member understands (empty when it is
 * acceptable). Never echoes the password itself.
 */
export function passwordPolicyProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  const localPart = emailLocalPart(email);
  if (localPart.length >= LOCAL_PART_MIN_CHECKED_LENGTH && password.toLowerCase().includes(localPart)) {
    problems.push(`Do not include the part of the email before the @ (“${localPart}”).`);
  }
  return problems;
}
