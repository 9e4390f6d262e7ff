'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole, requireRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { assignRole, removeRole } from '@/lib/user/role-service';
import { createUser, resetUserPassword, setUserDisabled, unlockUser, updateUserProfile } from '@/lib/user/service';
import { ZCreateUser, ZRoleAssignment, type TCreateUser, type TRoleAssignment, type TUpdateUserProfile } from '@/lib/user/schema';

// Every action checks the admin's role here; the services check again that the target user and
// organization lie in the admin's subtree, against the database.

function revalidateUser(userId: string) {
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${userId}`);
}

export async function createUserAction(input: TCreateUser) {
  return runAction(input, async (input) => {
    await requireAnyRole(['ORG_ADMIN']);
    const values = ZCreateUser.parse(input);
    const admin = await requireRole('ORG_ADMIN', values.organizationId);
    const result = await createUser(values, { actorId: admin.id, ip: await getRequestIp() });
    revalidatePath('/admin/users');
    return { userId: result.user.id, loginName: result.user.loginName, temporaryPassword: result.temporaryPassword };
  });
}

export async function updateUserProfileAction(input: TUpdateUserProfile) {
  return runAction(input, async (input) => {
    const admin = await requireAnyRole(['ORG_ADMIN']);
    await updateUserProfile(input, { actorId: admin.id, ip: await getRequestIp() });
    revalidateUser(input.id);
  });
}

export async function resetUserPasswordAction(userId: string) {
  return runAction(userId, async (userId) => {
    const admin = await requireAnyRole(['ORG_ADMIN']);
    const result = await resetUserPassword({ userId }, { actorId: admin.id, ip: await getRequestIp() });
    revalidateUser(userId);
    return result;
  });
}

export async function setUserDisabledAction(userId: string, isDisabled: boolean) {
  return runAction({ userId, isDisabled }, async ({ userId, isDisabled }) => {
    const admin = await requireAnyRole(['ORG_ADMIN']);
    await setUserDisabled({ userId, isDisabled }, { actorId: admin.id, ip: await getRequestIp() });
    revalidateUser(userId);
  });
}

export async function unlockUserAction(userId: string) {
  return runAction(userId, async (userId) => {
    const admin = await requireAnyRole(['ORG_ADMIN']);
    await unlockUser({ userId }, { actorId: admin.id, ip: await getRequestIp() });
    revalidateUser(userId);
  });
}

export async function assignRoleAction(input: TRoleAssignment) {
  return runAction(input, async (input) => {
    await requireAnyRole(['ORG_ADMIN']);
    const values = ZRoleAssignment.parse(input);
    const admin = await requireRole('ORG_ADMIN', values.organizationId);
    await assignRole(values, { actorId: admin.id, ip: await getRequestIp() });
    revalidateUser(values.userId);
  });
}

export async function removeRoleAction(input: TRoleAssignment) {
  return runAction(input, async (input) => {
    await requireAnyRole(['ORG_ADMIN']);
    const values = ZRoleAssignment.parse(input);
    const admin = await requireRole('ORG_ADMIN', values.organizationId);
    await removeRole(values, { actorId: admin.id, ip: await getRequestIp() });
    revalidateUser(values.userId);
  });
}
