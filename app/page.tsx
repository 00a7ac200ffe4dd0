import { redirect } from 'next/navigation';

import { getCurrentStaff } from '@/lib/auth/session';

/** The home page is the dashboard for staff and the sign-in page for everyone else. */
export default async function HomePage() {
  redirect((await getCurrentStaff()) ? '/dashboard' : '/signin');
}
