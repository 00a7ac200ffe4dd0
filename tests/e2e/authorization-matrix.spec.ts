// The authorization matrix (issue 3): every page, route handler and server action, requested over
// HTTP from the running production server as an anonymous visitor, each role, and a deactivated
// user. Denied means a redirect to sign-in, a 401/403 or a 404 — never data.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';

import { STAFF_ROLES } from '@/lib/auth/permissions';

import {
  ACTION_MATRIX,
  PAGE_MATRIX,
  PRINCIPALS,
  ROUTE_MATRIX,
  type PageOutcome,
  type Principal,
} from './authorization-matrix';
import { anonymousContext, signInOverHttp } from './support/http-session';
import {
  builtServerActions,
  discoverAppFiles,
  discoverServerActionExports,
  exportedMethods,
  workerToPath,
} from './support/routes';
import { MAIN_BASE_URL } from './support/servers';
import { deactivateInDb, seedStaff, type SeededStaff } from './support/staff';

type EncodeReply = (value: unknown) => Promise<string | FormData>;
/** React's own encoder for server action arguments: exactly what the browser sends. */
async function encodeReply(value: unknown): Promise<string | FormData> {
  // @ts-expect-error -- Next's vendored React client has no type declarations.
  const client = (await import('next/dist/compiled/react-server-dom-webpack/client.edge.js')) as {
    encodeReply: EncodeReply;
  };
  return client.encodeReply(value);
}

test.describe.configure({ mode: 'serial' });

const contexts = new Map<Principal, APIRequestContext>();
const seeded: SeededStaff[] = [];

test.beforeAll(async () => {
  contexts.set('anonymous', await anonymousContext(MAIN_BASE_URL));
  for (const role of STAFF_ROLES) {
    const staff = await seedStaff(role);
    seeded.push(staff);
    contexts.set(role, await signInOverHttp(MAIN_BASE_URL, staff.email, staff.password));
  }
  const leaver = await seedStaff('CLINICIAN', { displayName: 'Deactivated Clinician' });
  seeded.push(leaver);
  contexts.set('deactivated', await signInOverHttp(MAIN_BASE_URL, leaver.email, leaver.password));
  await deactivateInDb(leaver.id);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

function contextFor(principal: Principal): APIRequestContext {
  const context = contexts.get(principal);
  if (!context) throw new Error(`no context for ${principal}`);
  return context;
}

/** No staff email (the data on these pages) in a response that was denied. */
async function expectNoData(response: APIResponse, label: string) {
  const body = await response.text();
  for (const staff of seeded) expect(body, `${label} leaks ${staff.email}`).not.toContain(staff.email);
}

function locationPath(response: APIResponse): string {
  const location = response.headers()['location'] ?? '';
  return new URL(location, MAIN_BASE_URL).pathname;
}

test('every page, route handler and server action has an entry in the matrix', () => {
  const { pages, routes } = discoverAppFiles();
  expect(pages, 'pages without a PAGE_MATRIX entry (or entries without a page)').toEqual(
    Object.keys(PAGE_MATRIX).sort(),
  );
  expect(routes, 'route handlers without a ROUTE_MATRIX entry (or entries without a file)').toEqual(
    Object.keys(ROUTE_MATRIX).sort(),
  );
  for (const route of routes) {
    expect(exportedMethods(route), `methods of ${route}`).toEqual(Object.keys(ROUTE_MATRIX[route]!.methods).sort());
  }
  expect(discoverServerActionExports(), "exported functions of 'use server' modules vs ACTION_MATRIX").toEqual(
    Object.keys(ACTION_MATRIX).sort(),
  );
  for (const action of builtServerActions()) {
    expect(Object.keys(ACTION_MATRIX), `server action ${action.key} (${action.id}) in the build`).toContain(action.key);
  }
});

for (const principal of PRINCIPALS) {
  test(`pages as ${principal}`, async () => {
    const context = contextFor(principal);
    for (const [file, entry] of Object.entries(PAGE_MATRIX)) {
      const expected: PageOutcome = entry.expect[principal];
      const label = `${principal} GET ${entry.path} (${file})`;
      const response = await context.get(entry.path, { maxRedirects: 0 });
      const status = response.status();
      if (expected === 'allow') {
        expect(status, label).toBe(200);
        if (entry.text) expect(await response.text(), label).toContain(entry.text);
      } else if (expected === 'signin') {
        expect([302, 303, 307], label).toContain(status);
        expect(locationPath(response), label).toBe('/signin');
        await expectNoData(response, label);
      } else if (expected === 'forbidden') {
        expect(status, label).toBe(403);
        await expectNoData(response, label);
      } else if (expected === 'notFound') {
        expect(status, label).toBe(404);
        await expectNoData(response, label);
      } else {
        expect([302, 303, 307], label).toContain(status);
        expect(locationPath(response), label).toBe(expected.slice('redirect:'.length));
      }
      expect(response.headers()['cache-control'], `${label} Cache-Control`).toContain('no-store');
    }
  });

  test(`route handlers as ${principal}`, async () => {
    const context = contextFor(principal);
    for (const [file, entry] of Object.entries(ROUTE_MATRIX)) {
      for (const [method, outcomes] of Object.entries(entry.methods)) {
        const label = `${principal} ${method} ${entry.path} (${file})`;
        const response = await context.fetch(entry.path, { method, maxRedirects: 0 });
        const status = response.status();
        if (outcomes[principal] === 'allow') {
          expect(status, label).toBeLessThan(500);
          expect([401, 403], label).not.toContain(status);
        } else {
          const toSignIn = [302, 303, 307].includes(status) && locationPath(response) === '/signin';
          expect(toSignIn || status === 401 || status === 403, `${label}: status ${status}`).toBe(true);
          await expectNoData(response, label);
        }
      }
    }
  });

  test(`server actions as ${principal}`, async () => {
    const context = contextFor(principal);
    const built = builtServerActions();
    for (const [key, outcomes] of Object.entries(ACTION_MATRIX)) {
      const action = built.find((candidate) => candidate.key === key);
      if (!action) {
        test.info().annotations.push({
          type: 'unreachable',
          description: `${key} is not in the build (no page uses it): no endpoint to call`,
        });
        continue;
      }
      const path = workerToPath(action.workers[0]!);
      const label = `${principal} action ${key} via POST ${path}`;
      // (previous state, empty form): an allowed caller gets a validation refusal; nothing changes.
      const body = await encodeReply([{ status: 'idle' }, new FormData()]);
      const response = await context.post(path, {
        headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: MAIN_BASE_URL },
        ...(typeof body === 'string' ? { data: body } : { multipart: body }),
        maxRedirects: 0,
      });
      const status = response.status();
      const text = await response.text();
      if (outcomes[principal] === 'allow') {
        expect(status, label).toBe(200);
        expect(text, label).not.toMatch(/"authError":(401|403)/);
        expect(text, label).toMatch(/"status":"(error|success)"/); // the action ran and answered
      } else {
        const toSignIn = [302, 303, 307].includes(status) && locationPath(response) === '/signin';
        const refused = status === 200 && /"authError":(401|403)/.test(text);
        expect(
          toSignIn || refused || status === 401 || status === 403,
          `${label}: status ${status}, body ${text.slice(0, 300)}`,
        ).toBe(true);
        await expectNoData(response, label);
      }
    }
  });
}

test('next-auth session endpoint gives nothing to anonymous or deactivated callers', async () => {
  for (const principal of ['anonymous', 'deactivated'] as const) {
    const response = await contextFor(principal).get('/api/auth/session');
    expect(await response.json(), principal).toEqual({});
  }
  const admin = await contextFor('ADMIN').get('/api/auth/session');
  expect((await admin.json()) as { user: { role: string } }).toMatchObject({ user: { role: 'ADMIN' } });
});
