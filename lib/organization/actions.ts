'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { AppError } from '@/lib/errors';
import { assertOrgAdminOver, isOwnScopeRoot } from '@/lib/organization/access';
import { ZCreateOrganization, ZMoveOrganization, ZUpdateOrganization } from '@/lib/organization/schema';
import type { TCreateOrganization, TMoveOrganization, TUpdateOrganization } from '@/lib/organization/schema';
import { createOrganization, moveOrganization, setOrganizationActive, updateOrganization } from '@/lib/organization/service';

const ORGS_PAGE = '/admin/orgs';

const ZSetActive = z.object({ id: z.string().min(1), isActive: z.boolean() });

export async function createOrganizationAction(input: TCreateOrganization) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const values = ZCreateOrganization.parse(input);
    await assertOrgAdminOver(user.roles, [values.parentId]);
    const created = await createOrganization(values, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(ORGS_PAGE);
    return { id: created.id };
  });
}

export async function updateOrganizationAction(input: TUpdateOrganization) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const values = ZUpdateOrganization.parse(input);
    await assertOrgAdminOver(user.roles, [values.id]);
    await updateOrganization(values, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(ORGS_PAGE);
  });
}

export async function moveOrganizationAction(input: TMoveOrganization) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const values = ZMoveOrganization.parse(input);
    await assertOrgAdminOver(user.roles, [values.id, values.newParentId]);
    await moveOrganization(values, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(ORGS_PAGE);
  });
}

export async function setOrganizationActiveAction(input: z.input<typeof ZSetActive>) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const values = ZSetActive.parse(input);
    await assertOrgAdminOver(user.roles, [values.id]);
    if (!values.isActive && isOwnScopeRoot(user.roles, values.id)) {
      throw new AppError('FORBIDDEN', '不能停用您所管理范围的最上级组织');
    }
    const result = await setOrganizationActive(values, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(ORGS_PAGE);
    return result;
  });
}
