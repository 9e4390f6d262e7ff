import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record';
import { lockManagedUser, requireScopedOrganization } from '@/lib/user/scope';
import { ZRoleAssignment, type TRoleAssignment } from '@/lib/user/schema';
import type { TUserContext } from '@/lib/user/service';

function inTransaction<T>(context: TUserContext, body: (tx: TTx) => Promise<T>): Promise<T> {
  return context.tx ? body(context.tx) : db.$transaction(body);
}

/** Grants a role at an organization of the admin's subtree; granting an existing role changes nothing. */
export async function assignRole(input: TRoleAssignment, context: TUserContext) {
  const values = ZRoleAssignment.parse(input);
  return inTransaction(context, async (tx) => {
    const { user, adminPaths } = await lockManagedUser(tx, context.actorId, values.userId);
    await requireScopedOrganization(tx, adminPaths, values.organizationId);
    const exists = user.roleAssignments.some((grant) => grant.role === values.role && grant.organizationId === values.organizationId);
    if (exists) throw new AppError('CONFLICT', '该用户已在此组织拥有这个角色');
    const created = await tx.roleAssignment.create({ data: values, select: { id: true } });
    await recordAudit(tx, context, { action: 'assign-role', entityType: 'RoleAssignment', entityId: created.id, after: values });
  });
}

/**
 * Removes a role. Refused for the user's last role (nobody could manage the account afterwards —
 * disable it instead) and for the admin's own last ORG_ADMIN role.
 */
export async function removeRole(input: TRoleAssignment, context: TUserContext) {
  const values = ZRoleAssignment.parse(input);
  return inTransaction(context, async (tx) => {
    const { user, adminPaths } = await lockManagedUser(tx, context.actorId, values.userId);
    const grant = user.roleAssignments.find((item) => item.role === values.role && item.organizationId === values.organizationId);
    if (!grant) throw new AppError('NOT_FOUND', '该角色已不存在');
    if (!adminPaths.some((path) => grant.organization.path.startsWith(path))) {
      throw new AppError('FORBIDDEN', '只能移除您管理范围内的角色');
    }
    if (user.roleAssignments.length === 1) {
      throw new AppError('INVALID_INPUT', '这是该用户唯一的角色，移除后将无人能管理此账号；如不再使用，请停用账号');
    }
    const isOwnAdminRole = user.id === context.actorId && grant.role === 'ORG_ADMIN';
    if (isOwnAdminRole && user.roleAssignments.filter((item) => item.role === 'ORG_ADMIN').length === 1) {
      throw new AppError('INVALID_INPUT', '不能移除您自己唯一的组织部管理员角色');
    }
    await tx.roleAssignment.delete({ where: { id: grant.id } });
    await recordAudit(tx, context, { action: 'remove-role', entityType: 'RoleAssignment', entityId: grant.id, before: values });
  });
}
