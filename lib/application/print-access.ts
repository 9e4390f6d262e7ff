import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { grantsRoleAt } from '@/lib/auth/scope';

/**
 * Whether `user` may read (print, download) the application: the branch secretary of its organization,
 * or a committee/organization admin whose subtree contains it. Unknown and forbidden look the same (false).
 */
export async function canReadApplicationForPrint(user: TSessionUser, applicationId: string): Promise<boolean> {
  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: { organization: { select: { path: true } } },
  });
  if (!application) return false;
  return grantsRoleAt(user.roles, ['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN'], application.organization.path);
}
