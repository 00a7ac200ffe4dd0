import { describe, expect, it } from 'vitest';

import { navFor } from '@/lib/auth/navigation';

describe('navFor', () => {
  it('shows each role only what it may use', () => {
    const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((item) => item.href);
    expect(labels('INTAKE')).toEqual(['/dashboard', '/intake', '/cases', '/cases/mine']);
    expect(labels('CLINICIAN')).toEqual(['/dashboard', '/intake', '/cases', '/cases/mine']);
    expect(labels('SUPERVISOR')).toEqual([
      '/dashboard',
      '/intake',
      '/cases',
      '/cases/mine',
      '/audit',
      '/cases/break-glass',
    ]);
    expect(labels('ADMIN')).toEqual(['/dashboard', '/admin/staff', '/audit']);
  });
});
