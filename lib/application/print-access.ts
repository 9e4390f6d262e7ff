import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { canReadApplication } from '@/lib/application/access';

/** Whether `user` may print or download the application; unknown and forbidden look the same (false). */
export async function canReadApplicationForPrint(user: TSessionUser, applicationId: string): Promise<boolean> {
  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: { status: true, organization: { select: { path: true } } },
  });
  return !!application && canReadApplication(user.roles, application);
}
