import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/http/page';
import { homePathFor } from '@/lib/auth/roles';

export default async function DashboardPage() {
  const user = await requirePageUser();
  redirect(homePathFor(user.roles.map((grant) => grant.role)));
}
