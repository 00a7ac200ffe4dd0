import type { StaffRole } from './permissions';

/** The signed-in staff member, as pages, actions and route handlers see them. */
export type StaffSession = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
};
