// Issue 12 item 2: "Sign out" lands on the host the user signed in on, with no configuration.
//
// The e2e servers run with NEXTAUTH_URL=http://127.0.0.1:PORT; this test signs in through
// http://localhost:PORT instead (another name for the same server, as a clinic server's name or
// address would be). Before the fix, sign-out went through next-auth's redirect callback, which
// built `${baseUrl}/signin?reason=signedout` from NEXTAUTH_URL, so the browser ended on
// http://127.0.0.1:PORT/signin… — a different host (and, on another workstation, a dead one);
// the host assertion below failed. Now the browser goes to the path on the origin it is on.
import { expect, test } from '@playwright/test';

import { signInWithKeyboard } from './support/intake-fixtures';
import { MAIN_PORT } from './support/servers';
import { seedStaff, withDb } from './support/staff';

const OTHER_HOST_ORIGIN = `http://localhost:${MAIN_PORT}`;

test('sign out lands on the sign-in page of the host the user signed in on, and is audited', async ({ page }) => {
  const clinician = await seedStaff('CLINICIAN');
  await signInWithKeyboard(page, clinician, `${OTHER_HOST_ORIGIN}/dashboard`);
  expect(new URL(page.url()).origin).toBe(OTHER_HOST_ORIGIN);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${OTHER_HOST_ORIGIN}/signin?reason=signedout`);
  await expect(page.getByLabel('Email')).toBeVisible();

  // The session is over on the server, and the sign-out is in the audit log.
  await page.goto(`${OTHER_HOST_ORIGIN}/dashboard`);
  await expect(page).toHaveURL(/\/signin/);
  await expect
    .poll(async () => {
      const { rows } = await withDb((client) =>
        client.query(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.signout'`, [clinician.id]),
      );
      return rows.length;
    })
    .toBe(1);
});
