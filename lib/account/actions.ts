'use server';

import { getRequestIp, requireUser } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { changeOwnPassword } from '@/lib/account/service';
import type { TChangePassword } from '@/lib/account/schema';

export async function changePasswordAction(input: TChangePassword) {
  return runAction(input, async (input) => {
    const user = await requireUser({ allowPasswordChange: true });
    await changeOwnPassword(input, { actorId: user.id, ip: await getRequestIp() });
  });
}
