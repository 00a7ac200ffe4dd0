import { expect, test } from '@playwright/test';

test.describe('production server', () => {
  test('reports itself healthy with its database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
