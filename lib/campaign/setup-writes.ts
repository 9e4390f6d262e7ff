import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TCampaignSetup } from '@/lib/campaign/schema';
import { sortOrgFields, type TSettingsGroup } from '@/lib/campaign/setup-values';
import { fromDateTimeLocal } from '@/lib/format';

// Writers for the settings groups of a campaign. Each replaces its group wholesale; the caller runs
// them inside its transaction after deciding which groups may change.

/** A `@db.Date` column from "YYYY-MM-DD" (UTC midnight, as Prisma stores plain dates). */
const dateColumn = (value: string | null): Date | null => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Campaign columns that belong to each settings group (the row-based groups are written below). */
export function campaignColumns(setup: TCampaignSetup, groups: readonly TSettingsGroup[]) {
  const has = (group: TSettingsGroup) => groups.includes(group);
  return {
    ...(has('basics') && { title: setup.title, year: setup.year, batch: setup.batch, description: setup.description || null }),
    ...(has('declarationForm') && { nameMaxLength: setup.nameMaxLength, allowMultipleApplications: setup.allowMultipleApplications }),
    ...(has('quotas') && { defaultQuota: setup.quotas.defaultQuota, recommendingDepths: [...new Set(setup.quotas.recommendingDepths)].sort((a, b) => a - b) }),
    ...(has('review') && { ...setup.review }),
    ...(has('voting') && { ...setup.voting }),
    ...(has('weights') && { expertWeight: setup.weights.expertWeight, voteWeight: setup.weights.voteWeight }),
    ...(has('cultivation') && {
      ledgerDueDay: setup.cultivation.ledgerDueDay,
      reminderSms: setup.cultivation.reminderSms,
      cultivationEndsOn: dateColumn(setup.cultivation.cultivationEndsOn),
      acceptanceRequestDeadline: dateColumn(setup.cultivation.acceptanceRequestDeadline),
      acceptanceCompleteBy: dateColumn(setup.cultivation.acceptanceCompleteBy),
    }),
  };
}

/** 公示 is switched on and off with its stage. */
export function publicityEnabledOf(setup: TCampaignSetup): boolean {
  return setup.stages.find((stage) => stage.kind === 'PUBLICITY')?.isEnabled ?? true;
}

export async function replaceFields(tx: TTx, campaignId: string, setup: TCampaignSetup): Promise<void> {
  // Awards point at fields (and cascade with them), so they are rewritten by the caller afterwards.
  await tx.award.deleteMany({ where: { campaignId } });
  await tx.campaignField.deleteMany({ where: { campaignId } });
  await tx.campaignField.createMany({
    data: setup.fields.map((field, index) => ({ campaignId, name: field.name, sortOrder: index, orgFields: sortOrgFields(field.orgFields) })),
  });
}

export async function replaceAwards(tx: TTx, campaignId: string, setup: TCampaignSetup): Promise<void> {
  await tx.award.deleteMany({ where: { campaignId } });
  const fields = await tx.campaignField.findMany({ where: { campaignId }, select: { id: true, name: true } });
  const fieldIds = new Map(fields.map((field) => [field.name, field.id]));
  await tx.award.createMany({
    data: setup.awards.map((award, index) => ({
      campaignId,
      kind: award.kind,
      name: award.name,
      count: award.count,
      fieldId: award.fieldName ? (fieldIds.get(award.fieldName) ?? null) : null,
      sortOrder: index,
    })),
  });
}

export async function replaceRubric(tx: TTx, campaignId: string, setup: TCampaignSetup): Promise<void> {
  const rubric = await tx.rubric.upsert({
    where: { campaignId },
    create: { campaignId, template: setup.rubric.template },
    update: { template: setup.rubric.template },
    select: { id: true },
  });
  await tx.criterion.deleteMany({ where: { rubricId: rubric.id } });
  await tx.criterion.createMany({ data: setup.rubric.criteria.map((criterion, index) => ({ rubricId: rubric.id, sortOrder: index, ...criterion })) });
}

/** Quota rows may only name organizations strictly below the campaign's owner. */
export async function replaceQuotas(tx: TTx, campaign: { id: string; ownerOrg: { id: string; path: string } }, setup: TCampaignSetup): Promise<void> {
  const overrides = setup.quotas.overrides;
  const orgs = await tx.organization.findMany({ where: { id: { in: overrides.map((row) => row.organizationId) } }, select: { id: true, path: true } });
  const paths = new Map(orgs.map((org) => [org.id, org.path]));
  const fieldErrors: Record<string, string> = {};
  overrides.forEach((row, index) => {
    const path = paths.get(row.organizationId);
    if (!path || row.organizationId === campaign.ownerOrg.id || !path.startsWith(campaign.ownerOrg.path)) {
      fieldErrors[`quotas.overrides.${index}.organizationId`] = '只能为主办组织的下级组织单独设置名额';
    }
  });
  if (Object.keys(fieldErrors).length) throw new AppError('INVALID_INPUT', '推荐名额中有不属于主办组织下级的组织', fieldErrors);
  await tx.quota.deleteMany({ where: { campaignId: campaign.id } });
  await tx.quota.createMany({ data: overrides.map((row) => ({ campaignId: campaign.id, organizationId: row.organizationId, limit: row.limit })) });
}

/** Level deadlines may only name levels below the campaign's owner. */
export async function replaceLevelDeadlines(tx: TTx, campaign: { id: string; ownerOrg: { depth: number } }, setup: TCampaignSetup): Promise<void> {
  const rows = setup.quotas.levelDeadlines;
  const fieldErrors: Record<string, string> = {};
  rows.forEach((row, index) => {
    if (row.depth <= campaign.ownerOrg.depth) fieldErrors[`quotas.levelDeadlines.${index}.endsAt`] = '只能为主办组织以下的层级设置截止时间';
  });
  if (Object.keys(fieldErrors).length) throw new AppError('INVALID_INPUT', '推荐截止时间中有不属于主办组织下级的层级', fieldErrors);
  await tx.recommendationDeadline.deleteMany({ where: { campaignId: campaign.id } });
  await tx.recommendationDeadline.createMany({ data: rows.map((row) => ({ campaignId: campaign.id, depth: row.depth, endsAt: fromDateTimeLocal(row.endsAt) })) });
}

/** When the recommendation stage is cut short, no level keeps a deadline after it: they close together. */
export async function clampLevelDeadlines(tx: TTx, campaignId: string, stageEnd: Date): Promise<void> {
  await tx.recommendationDeadline.updateMany({ where: { campaignId, endsAt: { gt: stageEnd } }, data: { endsAt: stageEnd } });
}
