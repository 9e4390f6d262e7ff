// Who is reviewed and who reviews: the entries of the latest published 品牌清单, and the campaign's experts.
import type { TDb, TTx } from '@/lib/db';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import type { TAssignEntry, TAssignExpert } from '@/lib/review/assignment';
import { declaredKey } from '@/lib/review/conflicts';
import { listedApplicationIds } from '@/lib/brand-list/listed';

type TClient = TDb | TTx;

export const REVIEW_CAMPAIGN_SELECT = {
  id: true,
  title: true,
  status: true,
  program: true,
  ownerOrgId: true,
  ownerOrg: { select: { path: true } },
  expertsPerEntry: true,
  reviewCapPerExpert: true,
  blindReview: true,
  commentBelowPercent: true,
  scoreAggregation: true,
  disputeSpread: true,
  expertWeight: true,
  voteWeight: true,
  stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
  fields: { select: { id: true, name: true, orgFields: true, sortOrder: true } },
  rubric: { select: { criteria: { select: { id: true, name: true, maxPoints: true, guidance: true, sortOrder: true }, orderBy: { sortOrder: 'asc' as const } } } },
} as const;

export const REVIEW_ONLY_MESSAGE = '只有评选主办单位的组织部工作人员可以安排专家评审';

/** ORG_ADMIN at the owner or above, read from the database in the caller's transaction. */
export async function loadReviewCampaign(client: TClient, campaignId: string, grants: readonly TRoleGrant[]) {
  const campaign = await client.campaign.findUnique({ where: { id: campaignId }, select: REVIEW_CAMPAIGN_SELECT });
  if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
  if (!grantsRoleAt(grants, ['ORG_ADMIN'], campaign.ownerOrg.path)) throw new AppError('FORBIDDEN', REVIEW_ONLY_MESSAGE);
  return campaign;
}

export type TReviewCampaign = Awaited<ReturnType<typeof loadReviewCampaign>>;

/** For pages and downloads: unknown and not-yours are both null, so ids cannot be probed. */
export function findReviewCampaign(client: TClient, campaignId: string, grants: readonly TRoleGrant[]): Promise<TReviewCampaign | null> {
  return loadReviewCampaign(client, campaignId, grants).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  });
}

/**
 * The entries under review, ranked and proposed for awards: those on the 品牌清单 (lib/brand-list/listed: the latest
 * published version, without the entries returned since), in list order; empty before publication.
 */
export async function loadReviewEntries(client: TClient, campaignId: string) {
  const list = await client.brandList.findFirst({ where: { campaignId }, orderBy: { version: 'desc' }, select: { version: true, entries: { select: { applicationId: true, sortOrder: true } } } });
  if (!list) return [];
  const listed = await listedApplicationIds(client, campaignId);
  const applications = await client.application.findMany({
    where: { id: { in: list.entries.map((entry) => entry.applicationId).filter((id) => listed.has(id)) } },
    select: { id: true, brandName: true, fieldId: true, organization: { select: { id: true, name: true, path: true } } },
  });
  const order = new Map(list.entries.map((entry) => [entry.applicationId, entry.sortOrder]));
  return applications.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/**
 * The campaign's experts: members of its panels; without panels, every active user with an EXPERT grant on the owner's
 * path (appointed by it or above) or inside its subtree. With their home organization and the fields they match.
 */
export async function loadExpertPool(client: TClient, campaign: { id: string; ownerOrg: { path: string }; fields: readonly { id: string; orgFields: readonly string[] }[] }) {
  const panels = await client.expertPanel.findMany({ where: { campaignId: campaign.id }, select: { fieldId: true, members: { select: { expertId: true } } } });
  const ancestors = campaign.ownerOrg.path.split('/').filter(Boolean);
  const users = await client.user.findMany({
    where: {
      isDisabled: false,
      ...(panels.length
        ? { id: { in: panels.flatMap((panel) => panel.members.map((member) => member.expertId)) } }
        : {
            roleAssignments: {
              some: { role: 'EXPERT', organization: { isActive: true, OR: [{ id: { in: ancestors } }, { path: { startsWith: campaign.ownerOrg.path } }] } },
            },
          }),
    },
    select: { id: true, displayName: true, expertProfile: { select: { expertise: true, title: true, workUnit: true, homeOrganization: { select: { id: true, name: true, path: true } } } } },
    orderBy: { displayName: 'asc' },
  });
  return users.map((user) => {
    const expertise = user.expertProfile?.expertise ?? [];
    const fieldIds = campaign.fields
      .filter(
        (field) =>
          panels.some((panel) => panel.fieldId === field.id && panel.members.some((member) => member.expertId === user.id)) ||
          field.orgFields.some((orgField) => (expertise as readonly string[]).includes(orgField)),
      )
      .map((field) => field.id);
    return {
      id: user.id,
      name: user.displayName,
      title: user.expertProfile?.title ?? '',
      workUnit: user.expertProfile?.workUnit ?? '',
      home: user.expertProfile?.homeOrganization ?? null,
      fieldIds,
    };
  });
}

export type TPoolExpert = Awaited<ReturnType<typeof loadExpertPool>>[number];

/** The inputs of `planAssignments` for one round, from the database. */
export async function loadAssignmentInputs(client: TClient, campaign: TReviewCampaign, round: number) {
  // One query after another: inside a transaction the client runs them on one connection anyway.
  const entries = await loadReviewEntries(client, campaign.id);
  const experts = await loadExpertPool(client, campaign);
  const assignments = await client.reviewAssignment.findMany({ where: { campaignId: campaign.id, round }, select: { applicationId: true, expertId: true } });
  const conflicts = await client.reviewConflict.findMany({ where: { campaignId: campaign.id }, select: { applicationId: true, expertId: true } });
  const byEntry = new Map<string, string[]>();
  const loads = new Map<string, number>();
  for (const row of assignments) {
    byEntry.set(row.applicationId, [...(byEntry.get(row.applicationId) ?? []), row.expertId]);
    loads.set(row.expertId, (loads.get(row.expertId) ?? 0) + 1);
  }
  const assignEntries: TAssignEntry[] = entries.map((entry) => ({ id: entry.id, path: entry.organization.path, fieldId: entry.fieldId, assigned: byEntry.get(entry.id) ?? [] }));
  const assignExperts: TAssignExpert[] = experts.map((expert) => ({ id: expert.id, homePath: expert.home?.path ?? null, fieldIds: expert.fieldIds, load: loads.get(expert.id) ?? 0 }));
  const declared = new Set(conflicts.map((row) => declaredKey(row.expertId, row.applicationId)));
  return { entries, experts, assignEntries, assignExperts, declared };
}

export type TAssignmentInputs = Awaited<ReturnType<typeof loadAssignmentInputs>>;
