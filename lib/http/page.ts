// The page side of the request boundary. Only lib/http may leave a request with Next's redirect()/notFound(): pages
// call these, and the loaders of lib/<domain> that pages use call pageNotFound; server actions and route handlers
// answer with a typed refusal instead.
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/lib/generated/prisma/enums';
import { getCurrentUser, recordRefusedAttempt } from '@/lib/auth/guard';
import type { TSessionUser } from '@/lib/auth/session';

/** For pages: sends visitors to sign-in, and users who must change their password to that page. */
export async function requirePageUser(roles?: Role[]): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  if (roles && !user.roles.some((grant) => roles.includes(grant.role))) {
    await recordRefusedAttempt(user, `page ${roles.join(',')}`, '您没有权限访问此页面');
    redirect('/forbidden');
  }
  return user;
}

/** A record outside the user's scope is answered like a missing one (404), so its id reveals nothing. */
export function pageNotFound(): never {
  notFound();
}
