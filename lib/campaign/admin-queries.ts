import { db, dbNow, type TDb, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { buildTree, type TTreeNode } from '@/lib/org-tree/tree';
import { CAMPAIGN_RULES_SELECT, CAMPAIGN_SUMMARY_SELECT } from '@/lib/campaign/queries';
import { defaultCampaignSetup } from '@/lib/campaign/setup-values';
import type { TRoleGrant } from '@/lib/auth/session';

const SETUP_SELECT = {
  id: true,
  status: true,
  title: true,
  year: true,
  batch: true,
  description: true,
  ownerOrgId: true,
  ownerOrg: { select: { id: true, name: true, shortName: true, path: true, depth: true } },
  ...CAMPAIGN_RULES_SELECT,
  qualificationChecklist: true,
  expertsPerEntry: true,
  reviewCapPerExpert: true,
  blindReview: true,
  commentBelowPercent: true,
  scoreAggregation: true,
  disputeSpread: true,
  ledgerDueDay: true,
  reminderSms: true,
  cultivationEndsOn: true,
  acceptanceRequestDeadline: true,
  acceptanceCompleteBy: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
  cancelledAt: true,
  cancelReason: true,
  stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
  fields: { select: { id: true, name: true, sortOrder: true, orgFields: true } },
  rubric: { select: { id: true, template: true, criteria: { select: { name: true, maxPoints: true, guidance: true, sortOrder: true } } } },
  awards: { select: { kind: true, name: true, count: true, sortOrder: true, field: { select: { name: true } } } },
  quotas: { select: { organizationId: true, limit: true } },
  recommendationDeadlines: { select: { depth: true, endsAt: true } },
} satisfies Prisma.CampaignSelect;

export type TCampaignDetail = Prisma.CampaignGetPayload<{ select: typeof SETUP_SELECT }>;

/** Everything the setup covers, for the detail page, the edit form and the update service. */
export async function getCampaignDetail(id: string, client: TDb | TTx = db): Promise<TCampaignDetail | null> {
  return client.campaign.findUnique({ where: { id }, select: SETUP_SELECT });
}

/** The organization whose ORG_ADMINs manage a campaign; actions authorize against it. */
export async function campaignOwnerOrgId(id: string): Promise<string> {
  const campaign = await db.campaign.findUnique({ where: { id }, select: { ownerOrgId: true } });
  if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
  return campaign.ownerOrgId;
}

const LIST_SELECT = {
  ...CAMPAIGN_SUMMARY_SELECT,
  createdAt: true,
} satisfies Prisma.CampaignSelect;

export type TAdminCampaignRow = Prisma.CampaignGetPayload<{ select: typeof LIST_SELECT }>;

export const ADMIN_CAMPAIGNS_PAGE_SIZE = 20;

/** Campaigns owned anywhere inside the given subtrees (the admin's ORG_ADMIN grants), newest first. */
export async function listAdminCampaigns(input: { paths: readonly string[]; page: number }) {
  const where: Prisma.CampaignWhereInput = { ownerOrg: { OR: input.paths.map((path) => ({ path: { startsWith: path } })) } };
  if (!input.paths.length) return { now: await dbNow(), total: 0, campaigns: [] as TAdminCampaignRow[] };
  const [now, total, campaigns] = await Promise.all([
    dbNow(),
    db.campaign.count({ where }),
    db.campaign.findMany({
      where,
      select: LIST_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (input.page - 1) * ADMIN_CAMPAIGNS_PAGE_SIZE,
      take: ADMIN_CAMPAIGNS_PAGE_SIZE,
    }),
  ]);
  return { now, total, campaigns };
}

export type TCampaignOrgOption = { id: string; name: string; path: string; depth: number };

/**
 * Organizations that can run or recommend in a campaign: active ones with subordinates (a committee,
 * not a leaf branch) inside the given subtrees, the grant roots included.
 */
export async function listCampaignOrgOptions(paths: readonly string[]): Promise<TCampaignOrgOption[]> {
  if (!paths.length) return [];
  const rows = await db.organization.findMany({
    where: {
      isActive: true,
      OR: paths.map((path) => ({ path: { startsWith: path } })),
      children: { some: { isActive: true } },
    },
    select: { id: true, parentId: true, name: true, shortName: true, path: true, depth: true, sortOrder: true },
    take: 1000,
  });
  // Tree order (parents before their children) reads naturally in a select.
  const flatten = (nodes: TTreeNode<(typeof rows)[number]>[]): TCampaignOrgOption[] =>
    nodes.flatMap((node) => [{ id: node.id, name: node.shortName ?? node.name, path: node.path, depth: node.depth }, ...flatten(node.children)]);
  return flatten(buildTree(rows));
}

/** The wizard's starting point: the default setup dated by database time, and the organizations the admin's grants cover. */
export async function loadNewCampaignForm(roots: readonly TRoleGrant[]) {
  const [now, orgOptions] = await Promise.all([dbNow(), listCampaignOrgOptions(roots.map((grant) => grant.organizationPath))]);
  return { defaults: defaultCampaignSetup({ now, ownerOrgId: roots[0]?.organizationId ?? '' }), orgOptions };
}

/** Display names of organizations (owner and quota rows) for the read-only views. */
export async function organizationNames(ids: readonly string[]): Promise<Record<string, string>> {
  const rows = await db.organization.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, shortName: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.shortName ?? row.name]));
}
