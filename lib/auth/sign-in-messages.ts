// What the sign-in form says. The same words whether or not the email has an account.
export const SIGN_IN_MESSAGES = {
  invalid: 'The email or password is incorrect.',
  locked:
    'Too many unsuccessful attempts. Sign-in with this email is paused for 15 minutes. Try again later, or ask an administrator to reset the password.',
  unavailable: 'Sign-in is not available right now. Try again in a moment.',
  codeRequired: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  codeInvalid:
    'That code is not valid. Enter the current code from your authenticator app, or an unused recovery code.',
} as const;
