import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TRoleGrant } from '@/lib/auth/session';
import { scopeRoots } from '@/lib/auth/scope';
import { applicationIdsAtStage, FUNNEL_STAGES } from '@/lib/application/funnel';

export const STAFF_PAGE_SIZE = 20;
export const EXPORT_ROW_LIMIT = 5000;

/** Staff see what branches have submitted (or got back); drafts stay with the branch. */
export const STAFF_STATUS_LABELS = { SUBMITTED: '已提交', RETURNED: '已退回' } as const;
export type TStaffStatus = keyof typeof STAFF_STATUS_LABELS;

const optionalText = z.string().trim().max(50).optional().catch(undefined).transform((value) => value || undefined);

export const ZStaffApplicationSearch = z.object({
  campaign: optionalText,
  status: z.enum(['SUBMITTED', 'RETURNED']).optional().catch(undefined),
  field: optionalText,
  org: optionalText,
  /** An organization whose subtree the entries come from (the dashboard's district and committee links). */
  within: optionalText,
  /** A funnel stage the entries reached (needs `campaign`): the dashboard's funnel links. */
  stage: z.enum(FUNNEL_STAGES).optional().catch(undefined),
  q: optionalText,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TStaffApplicationSearch = z.infer<typeof ZStaffApplicationSearch>;

/** Search params of a URL (first value of repeated keys), parsed leniently: bad values are ignored. */
export function parseStaffSearch(raw: Record<string, string | string[] | undefined> | URLSearchParams): TStaffApplicationSearch {
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  return ZStaffApplicationSearch.parse(Object.fromEntries(entries));
}

/** Organization paths whose subtrees a committee or organization admin oversees. */
export function staffScopePaths(grants: readonly TRoleGrant[]): string[] {
  return scopeRoots(grants, ['COMMITTEE_ADMIN', 'ORG_ADMIN']).map((grant) => grant.organizationPath);
}

/** The value of `field` that asks for entries without a field. */
export const NO_FIELD = 'none';

/** The ids of the entries in scope that reached the searched stage, or undefined when no stage is searched. */
async function idsAtStage(paths: readonly string[], search: TStaffApplicationSearch): Promise<string[] | undefined> {
  if (!search.stage || !search.campaign) return undefined;
  const campaign = await db.campaign.findUnique({ where: { id: search.campaign }, select: { id: true, ownerOrgId: true, program: true, recommendingDepths: true } });
  if (!campaign) return [];
  const stage = search.stage;
  return (await Promise.all(paths.map((path) => applicationIdsAtStage(campaign, path, stage)))).flat();
}

async function whereFor(paths: readonly string[], search: TStaffApplicationSearch): Promise<Prisma.ApplicationWhereInput> {
  const [within, ids] = await Promise.all([
    search.within ? db.organization.findUnique({ where: { id: search.within }, select: { path: true } }) : undefined,
    idsAtStage(paths, search),
  ]);
  return {
    status: search.status ?? { in: ['SUBMITTED', 'RETURNED'] },
    organization: {
      OR: paths.map((path) => ({ path: { startsWith: path } })),
      ...(search.within && { path: { startsWith: within?.path ?? '/nowhere/' } }),
      ...(search.org && { name: { contains: search.org, mode: 'insensitive' } }),
    },
    ...(search.campaign && { campaignId: search.campaign }),
    ...(search.field && { fieldId: search.field === NO_FIELD ? null : search.field }),
    ...(ids && { id: { in: ids } }),
    ...(search.q && { brandName: { contains: search.q, mode: 'insensitive' } }),
  };
}

const rowSelect = {
  id: true,
  brandName: true,
  status: true,
  slogan: true,
  secretaryName: true,
  contactPhone: true,
  submittedAt: true,
  campaign: { select: { id: true, title: true } },
  field: { select: { name: true } },
  organization: { select: { name: true, parent: { select: { name: true } } } },
} satisfies Prisma.ApplicationSelect;

export type TStaffApplicationRow = Prisma.ApplicationGetPayload<{ select: typeof rowSelect }>;

const orderBy: Prisma.ApplicationOrderByWithRelationInput[] = [{ submittedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }];

export async function listStaffApplications(paths: readonly string[], search: TStaffApplicationSearch) {
  if (!paths.length) return { rows: [] as TStaffApplicationRow[], total: 0, page: 1, pageCount: 1 };
  const where = await whereFor(paths, search);
  const total = await db.application.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows = await db.application.findMany({ where, select: rowSelect, orderBy, skip: (page - 1) * STAFF_PAGE_SIZE, take: STAFF_PAGE_SIZE });
  return { rows, total, page, pageCount };
}

/** How many rows the export will hold (its progress bar's total). */
export async function countStaffApplications(paths: readonly string[], search: TStaffApplicationSearch): Promise<number> {
  if (!paths.length) return 0;
  return db.application.count({ where: await whereFor(paths, search) });
}

/** One page of the export, in list order, after the row `after` (Prisma's cursor: keyset, not OFFSET). */
export async function pageStaffApplications(paths: readonly string[], search: TStaffApplicationSearch, after: { id: string } | null, size: number): Promise<TStaffApplicationRow[]> {
  if (!paths.length) return [];
  return db.application.findMany({ where: await whereFor(paths, search), select: rowSelect, orderBy, take: size, ...(after && { cursor: { id: after.id }, skip: 1 }) });
}

/** Every matching row for the Excel export, up to a limit that keeps the file and the request small. */
export async function listStaffApplicationsForExport(paths: readonly string[], search: TStaffApplicationSearch): Promise<TStaffApplicationRow[]> {
  if (!paths.length) return [];
  return db.application.findMany({ where: await whereFor(paths, search), select: rowSelect, orderBy, take: EXPORT_ROW_LIMIT });
}

/** Campaigns with submitted applications in scope, and the fields of the chosen one, for the filter menus. */
export async function listStaffFilterOptions(paths: readonly string[], campaignId: string | undefined) {
  if (!paths.length) return { campaigns: [], fields: [] };
  const [campaigns, fields] = await Promise.all([
    db.campaign.findMany({
      where: { applications: { some: await whereFor(paths, ZStaffApplicationSearch.parse({})) } },
      select: { id: true, title: true },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
    }),
    campaignId ? db.campaignField.findMany({ where: { campaignId }, select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } }) : [],
  ]);
  return { campaigns, fields };
}
