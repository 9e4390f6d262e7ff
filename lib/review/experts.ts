// 专家库: experts are users with the EXPERT role; the organization department keeps their profile (home organization for
// 回避, fields of expertise, title, work unit) and groups them into a campaign's panels (专家组).
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { grantsRoleAt, scopeRoots } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import { ORG_FIELDS } from '@/lib/org-tree/fields';
import { loadReviewCampaign } from '@/lib/review/pool';

type TContext = TAuditContext & { actorId: string };

export const ZExpertProfile = z.object({
  userId: z.string().min(1),
  homeOrganizationId: z.string().min(1).nullable(),
  expertise: z.array(z.enum(ORG_FIELDS)).max(ORG_FIELDS.length),
  title: z.string().trim().max(40, '职务职称不能超过 40 个字'),
  workUnit: z.string().trim().max(60, '工作单位不能超过 60 个字'),
  note: z.string().trim().max(500, '备注不能超过 500 个字'),
});
export type TExpertProfileInput = z.input<typeof ZExpertProfile>;

export const ZPanel = z.object({
  campaignId: z.string().min(1),
  panelId: z.string().min(1).nullable(),
  name: z.string().trim().min(1, '请填写专家组名称').max(30, '专家组名称不能超过 30 个字'),
  fieldId: z.string().min(1).nullable(),
  memberIds: z.array(z.string().min(1)).max(200),
});
export type TPanelInput = z.input<typeof ZPanel>;

const ZDeletePanel = z.object({ panelId: z.string().min(1).max(64) });

/** Experts an admin manages: an EXPERT grant at an organization inside one of the admin's ORG_ADMIN subtrees. */
export async function listExperts(grants: readonly TRoleGrant[]) {
  const roots = scopeRoots(grants, ['ORG_ADMIN']);
  if (!roots.length) return [];
  return db.user.findMany({
    where: { roleAssignments: { some: { role: 'EXPERT', organization: { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })) } } } },
    select: {
      id: true,
      displayName: true,
      phone: true,
      isDisabled: true,
      expertProfile: { select: { expertise: true, title: true, workUnit: true, note: true, homeOrganization: { select: { id: true, name: true } } } },
      _count: { select: { reviewAssignments: true } },
    },
    orderBy: { displayName: 'asc' },
    take: 1000,
  });
}

async function assertManagesExpert(actorId: string, userId: string) {
  const grants = await loadGrants(db, actorId);
  const expertGrants = await db.roleAssignment.findMany({ where: { userId, role: 'EXPERT' }, select: { organization: { select: { path: true } } } });
  if (!expertGrants.some((grant) => grantsRoleAt(grants, ['ORG_ADMIN'], grant.organization.path))) throw new AppError('NOT_FOUND', '专家不存在或不在您的管理范围内');
  return grants;
}

export async function getExpert(actorId: string, userId: string) {
  await assertManagesExpert(actorId, userId);
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, displayName: true, phone: true, expertProfile: { select: { homeOrganizationId: true, expertise: true, title: true, workUnit: true, note: true } } },
  });
}

/** Saves an expert's profile; the home organization must be one the admin manages (or none: outside the tree). */
export async function saveExpertProfile(input: TExpertProfileInput, context: TContext) {
  const value = ZExpertProfile.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await assertManagesExpert(context.actorId, value.userId);
    if (value.homeOrganizationId) {
      const home = await tx.organization.findUnique({ where: { id: value.homeOrganizationId }, select: { path: true } });
      if (!home || !grantsRoleAt(grants, ['ORG_ADMIN'], home.path)) throw new AppError('INVALID_INPUT', '所在单位须是您管理范围内的组织', { homeOrganizationId: '所在单位须是您管理范围内的组织' });
    }
    const { userId, ...data } = value;
    const before = await tx.expertProfile.findUnique({ where: { userId } });
    await tx.expertProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    await recordAudit(tx, context, { action: 'save-expert-profile', entityType: 'User', entityId: userId, before, after: data });
    return { userId };
  });
}

/** Creates or replaces a campaign's panel (name, field, members); members must be experts the admin manages. */
export async function savePanel(input: TPanelInput, context: TContext) {
  const value = ZPanel.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${value.campaignId} FOR NO KEY UPDATE`;
    const grants = await loadGrants(tx, context.actorId);
    const campaign = await loadReviewCampaign(tx, value.campaignId, grants);
    if (value.fieldId && !campaign.fields.some((field) => field.id === value.fieldId)) throw new AppError('INVALID_INPUT', '领域不属于本活动', { fieldId: '领域不属于本活动' });
    const managed = new Set((await listExperts(grants)).map((expert) => expert.id));
    if (value.memberIds.some((id) => !managed.has(id))) throw new AppError('INVALID_INPUT', '成员须是您管理的专家', { memberIds: '成员须是您管理的专家' });
    const duplicate = await tx.expertPanel.findFirst({ where: { campaignId: campaign.id, name: value.name, ...(value.panelId && { id: { not: value.panelId } }) }, select: { id: true } });
    if (duplicate) throw new AppError('INVALID_INPUT', '已有同名的专家组', { name: '已有同名的专家组' });
    const panel = value.panelId
      ? await tx.expertPanel.update({ where: { id: value.panelId, campaignId: campaign.id }, data: { name: value.name, fieldId: value.fieldId }, select: { id: true } })
      : await tx.expertPanel.create({ data: { campaignId: campaign.id, name: value.name, fieldId: value.fieldId }, select: { id: true } });
    await tx.expertPanelMember.deleteMany({ where: { panelId: panel.id } });
    await tx.expertPanelMember.createMany({ data: [...new Set(value.memberIds)].map((expertId) => ({ panelId: panel.id, expertId })) });
    await recordAudit(tx, context, { action: 'save-expert-panel', entityType: 'ExpertPanel', entityId: panel.id, after: value });
    return { id: panel.id, campaignId: campaign.id };
  });
}

export async function deletePanel(input: z.input<typeof ZDeletePanel>, context: TContext) {
  const { panelId } = ZDeletePanel.parse(input);
  return db.$transaction(async (tx) => {
    const panel = await tx.expertPanel.findUnique({ where: { id: panelId }, select: { id: true, campaignId: true, name: true } });
    if (!panel) throw new AppError('NOT_FOUND', '专家组不存在');
    await loadReviewCampaign(tx, panel.campaignId, await loadGrants(tx, context.actorId));
    await tx.expertPanel.delete({ where: { id: panel.id } });
    await recordAudit(tx, context, { action: 'delete-expert-panel', entityType: 'ExpertPanel', entityId: panel.id, before: panel });
    return { campaignId: panel.campaignId };
  });
}

export async function listPanels(campaignId: string) {
  return db.expertPanel.findMany({
    where: { campaignId },
    select: { id: true, name: true, fieldId: true, field: { select: { name: true } }, members: { select: { expert: { select: { id: true, displayName: true } } } } },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
}
