// Reads for the 结对共建 pages and the 台帐 pages: which pairings a user sees, one pairing with its activities by month,
// the options of the new-pairing form, the 后进党支部 list with suggestions from assessments and 台帐, and the joint
// activities of one organization in one month (both sides' 台帐). Every page loader checks the reader first.
import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { scopeRoots } from '@/lib/auth/scope';
import { loadGrants } from '@/lib/application/access';
import { fileUrl } from '@/lib/files/service';
import { cleanText } from '@/lib/http/clean';
import { pageNotFound } from '@/lib/http/page';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { isKeeper, isOverseer, loadCultivation } from '@/lib/cultivation/access';
import { loadComplianceGrid, loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { isPairingManager, isPairingSide, isStaffAbove, loadPairing, STAFF_ROLES, type TPairingTarget } from '@/lib/pairing/access';
import { shanghaiToday } from '@/lib/pairing/service';

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** A site whose latest assessment is below this total is suggested as lagging. */
export const LAGGING_SCORE_BELOW = 60;
/** …and so is an organization with at least this many 台帐 months due and not reported in one cultivation. */
export const LAGGING_MISSING_MONTHS = 2;

function pairingScope(user: Pick<TSessionUser, 'roles'>) {
  const staff = scopeRoots(user.roles, STAFF_ROLES);
  const secretary = scopeRoots(user.roles, ['BRANCH_SECRETARY']);
  return [
    ...staff.map((root) => ({ committeeOrg: { path: { startsWith: root.organizationPath } } })),
    ...secretary.flatMap((root) => [{ brandOrg: { path: { startsWith: root.organizationPath } } }, { partnerOrg: { path: { startsWith: root.organizationPath } } }]),
  ];
}

export type TPairingListRow = {
  id: string;
  kind: 'BRANCH' | 'ENTERPRISE';
  status: 'ACTIVE' | 'REVIEWED';
  verdict: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' | null;
  committeeName: string;
  brandOrgName: string;
  brandName: string | null;
  partnerLabel: string;
  startsOn: string;
  endsOn: string;
  activities: number;
};

/** The pairings of the user's committees (staff) and of the user's own organizations (secretaries), newest first. */
export async function listPairings(user: TSessionUser): Promise<TPairingListRow[]> {
  const or = pairingScope(user);
  if (!or.length) return [];
  const rows = await db.pairing.findMany({
    where: { OR: or },
    select: {
      id: true,
      kind: true,
      status: true,
      verdict: true,
      startsOn: true,
      endsOn: true,
      partnerName: true,
      committeeOrg: { select: { name: true } },
      brandOrg: { select: { name: true } },
      brand: { select: { name: true } },
      partnerOrg: { select: { name: true } },
      _count: { select: { activities: true } },
    },
    orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
    take: 300,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    verdict: row.verdict,
    committeeName: row.committeeOrg.name,
    brandOrgName: row.brandOrg.name,
    brandName: row.brand?.name ?? null,
    partnerLabel: row.partnerOrg?.name ?? row.partnerName ?? '',
    startsOn: dayOf(row.startsOn),
    endsOn: dayOf(row.endsOn),
    activities: row._count.activities,
  }));
}

/** Whether the user takes part in a pairing as a secretary (the menu shows 结对共建 to them then). */
export async function hasPairingAsSecretary(user: Pick<TSessionUser, 'roles'>): Promise<boolean> {
  const roots = scopeRoots(user.roles, ['BRANCH_SECRETARY']);
  if (!roots.length) return false;
  const or = roots.flatMap((root) => [{ brandOrg: { path: { startsWith: root.organizationPath } } }, { partnerOrg: { path: { startsWith: root.organizationPath } } }]);
  return (await db.pairing.count({ where: { OR: or } })) > 0;
}

export type TPairingActivityView = {
  id: string;
  occurredOn: string;
  activity: string;
  place: string;
  participants: string;
  summary: string;
  createdByName: string | null;
  /** Which side recorded it: the brand organization's or the partner's secretary (or staff). */
  recordedBy: string;
  photos: { id: string; name: string; url: string; thumbUrl: string }[];
  documents: { id: string; name: string; url: string }[];
  /** On a 台帐 page: the pairing it belongs to and the other side. */
  pairingId: string;
  partnerLabel: string;
};

const activitySelect = {
  id: true,
  occurredOn: true,
  activity: true,
  place: true,
  participants: true,
  summary: true,
  pairingId: true,
  createdBy: { select: { displayName: true } },
  files: { select: { slot: true, file: { select: { id: true, originalName: true } } }, orderBy: { sortOrder: 'asc' } },
  pairing: { select: { brandOrg: { select: { name: true } }, partnerOrg: { select: { name: true } }, partnerName: true } },
} as const;

type TActivityRow = {
  id: string;
  occurredOn: Date;
  activity: string;
  place: string;
  participants: string;
  summary: string;
  pairingId: string;
  createdBy: { displayName: string } | null;
  files: { slot: 'PHOTO' | 'DOCUMENT'; file: { id: string; originalName: string } }[];
  pairing: { brandOrg: { name: string }; partnerOrg: { name: string } | null; partnerName: string | null };
};

function activityView(row: TActivityRow, forOrganizationId?: string, brandOrgId?: string): TPairingActivityView {
  const partner = row.pairing.partnerOrg?.name ?? row.pairing.partnerName ?? '';
  const otherSide = forOrganizationId && brandOrgId && forOrganizationId !== brandOrgId ? row.pairing.brandOrg.name : partner;
  return {
    id: row.id,
    occurredOn: dayOf(row.occurredOn),
    activity: row.activity,
    place: row.place,
    participants: row.participants,
    summary: row.summary,
    createdByName: row.createdBy?.displayName ?? null,
    recordedBy: row.createdBy?.displayName ?? '',
    photos: row.files.filter((file) => file.slot === 'PHOTO').map(({ file }) => ({ id: file.id, name: file.originalName, url: fileUrl(file.id), thumbUrl: fileUrl(file.id, 'thumb') })),
    documents: row.files.filter((file) => file.slot === 'DOCUMENT').map(({ file }) => ({ id: file.id, name: file.originalName, url: fileUrl(file.id) })),
    pairingId: row.pairingId,
    partnerLabel: otherSide,
  };
}

/**
 * The 结对共建 part of a cultivation's 台帐 for one month: the joint activities of its brand organization's pairings
 * (as brand organization or as partner branch), read-only. Whoever may read the 台帐 (the keeper, the committees and
 * organization departments above) reads them; anyone else gets 404 like the 台帐 itself.
 */
export async function loadLedgerPairingActivities(user: TSessionUser, cultivationId: string, month: string): Promise<TPairingActivityView[]> {
  const target = await loadCultivation(db, cultivationId);
  if (!target || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return pageNotFound();
  const grants = await loadGrants(db, user.id);
  if (!isKeeper(grants, target) && !isOverseer(grants, target)) return pageNotFound();
  return pairingActivitiesForOrganization(target.organization.id, month);
}

/** The joint activities of an organization's pairings in one month; the caller has checked the reader. */
async function pairingActivitiesForOrganization(organizationId: string, month: string): Promise<TPairingActivityView[]> {
  const first = new Date(`${month}-01T00:00:00Z`);
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  const rows = await db.pairingActivity.findMany({
    where: { occurredOn: { gte: first, lt: next }, pairing: { OR: [{ brandOrgId: organizationId }, { partnerOrgId: organizationId }] } },
    select: { ...activitySelect, pairing: { select: { ...activitySelect.pairing.select, brandOrgId: true } } },
    orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((row) => activityView(row, organizationId, row.pairing.brandOrgId));
}

export type TPairingDetail = {
  target: TPairingTarget;
  goals: string;
  brandName: string | null;
  verdict: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  createdAt: Date;
  manager: boolean;
  side: boolean;
  today: string;
  /** Newest month first, each with its activities in date order: the partner's 台帐 of this pairing. */
  months: { month: string; activities: TPairingActivityView[] }[];
};

export async function loadPairingDetail(user: TSessionUser, pairingId: string): Promise<TPairingDetail> {
  const target = await loadPairing(db, pairingId);
  if (!target) return pageNotFound();
  const grants = await loadGrants(db, user.id);
  const manager = isPairingManager(grants, target);
  const side = isPairingSide(grants, target);
  if (!manager && !side) return pageNotFound();
  const row = await db.pairing.findUniqueOrThrow({
    where: { id: pairingId },
    select: {
      goals: true,
      verdict: true,
      reviewNote: true,
      reviewedAt: true,
      createdAt: true,
      brand: { select: { name: true } },
      reviewedBy: { select: { displayName: true } },
      activities: { select: activitySelect, orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }] },
    },
  });
  const months = new Map<string, TPairingActivityView[]>();
  for (const activity of row.activities) {
    const view = activityView(activity);
    const month = view.occurredOn.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), view]);
  }
  return {
    target,
    goals: row.goals,
    brandName: row.brand?.name ?? null,
    verdict: row.verdict,
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt,
    reviewedByName: row.reviewedBy?.displayName ?? null,
    createdAt: row.createdAt,
    manager,
    side,
    today: await shanghaiToday(),
    months: [...months.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([month, activities]) => ({ month, activities })),
  };
}

export type TPairingFormOptions = {
  committees: { id: string; name: string }[];
  brands: { organizationId: string; organizationName: string; brandId: string; brandName: string; status: string; committeeIds: string[] }[];
  lagging: { id: string; name: string; note: string | null; committeeIds: string[] }[];
};

const BRAND_STATUS_LABELS = { CULTIVATING: '培育创建中', ACCEPTANCE: '验收中', RECOGNISED: '已认定' } as const;

/** What the new-pairing form offers: the staff's committees, brands in cultivation or recognised, lagging branches. */
export async function loadPairingFormOptions(user: TSessionUser): Promise<TPairingFormOptions> {
  const roots = scopeRoots(user.roles, STAFF_ROLES);
  if (!roots.length) return { committees: [], brands: [], lagging: [] };
  const committees = roots.map((root) => ({ id: root.organizationId, name: root.organizationName, path: root.organizationPath }));
  const under = (path: string) => committees.filter((committee) => path.startsWith(committee.path) && path !== committee.path).map((committee) => committee.id);
  const inScope = { OR: committees.map((committee) => ({ path: { startsWith: committee.path } })) };
  const cultivations = await db.cultivation.findMany({
    where: { status: { in: ['CULTIVATING', 'ACCEPTANCE', 'RECOGNISED'] }, brand: { organization: { ...inScope, isActive: true } }, NOT: { recognition: { revokedAt: { not: null } } } },
    select: { status: true, brand: { select: { id: true, name: true, organization: { select: { id: true, name: true, path: true } } } } },
    orderBy: [{ brand: { organization: { name: 'asc' } } }, { createdAt: 'desc' }],
    take: 500,
  });
  const brands = new Map<string, TPairingFormOptions['brands'][number]>();
  for (const cultivation of cultivations) {
    const { brand } = cultivation;
    if (brands.has(brand.id)) continue;
    brands.set(brand.id, {
      organizationId: brand.organization.id,
      organizationName: brand.organization.name,
      brandId: brand.id,
      brandName: brand.name,
      status: BRAND_STATUS_LABELS[cultivation.status as keyof typeof BRAND_STATUS_LABELS],
      committeeIds: under(brand.organization.path),
    });
  }
  const lagging = await db.organization.findMany({ where: { ...inScope, isLagging: true, isActive: true }, select: { id: true, name: true, path: true, laggingNote: true }, orderBy: { name: 'asc' }, take: 500 });
  return {
    committees: committees.map(({ id, name }) => ({ id, name })),
    brands: [...brands.values()].filter((brand) => brand.committeeIds.length),
    lagging: lagging.map((org) => ({ id: org.id, name: org.name, note: org.laggingNote, committeeIds: under(org.path) })).filter((org) => org.committeeIds.length),
  };
}

export type TLaggingOverview = {
  flagged: { id: string; name: string; parentName: string | null; note: string | null }[];
  suggestions: { id: string; name: string; parentName: string | null; reasons: string[] }[];
};

/**
 * 后进党支部 in the staff's subtrees: those flagged, and read-only suggestions not flagged yet — a 示范点 whose latest
 * assessment totals below LAGGING_SCORE_BELOW, or a cultivation with LAGGING_MISSING_MONTHS or more 台帐 months due
 * and unreported (the compliance grid's own rule). Flagging stays a person's decision.
 */
export async function loadLaggingOverview(user: TSessionUser): Promise<TLaggingOverview> {
  const roots = scopeRoots(user.roles, STAFF_ROLES);
  if (!roots.length) return { flagged: [], suggestions: [] };
  const grants = user.roles;
  const inScope = { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })) };
  const flaggedRows = await db.organization.findMany({
    where: { ...inScope, isLagging: true },
    select: { id: true, name: true, path: true, laggingNote: true, parent: { select: { name: true } } },
    orderBy: { name: 'asc' },
    take: 500,
  });
  const reasons = new Map<string, string[]>();
  const add = (organizationId: string, reason: string) => reasons.set(organizationId, [...(reasons.get(organizationId) ?? []), reason]);
  for (const root of roots) {
    const scores = await db.$queryRaw<{ organization_id: string; site_name: string; year: number; total: number }[]>`
      SELECT DISTINCT ON (s.id) s.organization_id, s.name AS site_name, a.year, a.total
      FROM site_assessments a JOIN demo_sites s ON s.id = a.site_id JOIN organizations o ON o.id = s.organization_id
      WHERE o.path LIKE ${subtreeLikePattern(root.organizationPath)}
      ORDER BY s.id, a.year DESC, a.version DESC`;
    for (const score of scores) if (score.total < LAGGING_SCORE_BELOW) add(score.organization_id, `示范点“${score.site_name}”${score.year}年考评 ${score.total} 分`);
    const campaigns = await db.campaign.findMany({
      where: { cultivations: { some: { status: { in: ['CULTIVATING', 'ACCEPTANCE'] }, brand: { organization: { path: { startsWith: root.organizationPath } } } } } },
      select: { id: true },
      take: 20,
    });
    for (const campaign of campaigns) {
      const gridCampaign = await loadGridCampaign(campaign.id);
      if (!gridCampaign.months.length) continue;
      const grid = await loadComplianceGrid({ campaign: gridCampaign, subtreePath: root.organizationPath, pageSize: 1000 });
      for (const row of grid.rows) {
        const missing = row.cells.filter((cell) => cell.status === 'missing').length;
        if (missing >= LAGGING_MISSING_MONTHS) add(row.organizationId, `“${row.brandName}”台帐 ${missing} 个月未上报`);
      }
    }
  }
  const flaggedIds = new Set(flaggedRows.map((row) => row.id));
  const candidates = await db.organization.findMany({
    where: { id: { in: [...reasons.keys()].filter((id) => !flaggedIds.has(id)) }, isActive: true },
    select: { id: true, name: true, path: true, parent: { select: { name: true } } },
    orderBy: { name: 'asc' },
  });
  return {
    flagged: flaggedRows.filter((row) => isStaffAbove(grants, row.path)).map((row) => ({ id: row.id, name: row.name, parentName: row.parent?.name ?? null, note: row.laggingNote })),
    suggestions: candidates.filter((row) => isStaffAbove(grants, row.path)).map((row) => ({ id: row.id, name: row.name, parentName: row.parent?.name ?? null, reasons: reasons.get(row.id) ?? [] })),
  };
}

/** Organizations in the staff's subtrees by name, to flag one by hand (a short list for the search box). */
export async function searchOrganizationsToFlag(user: TSessionUser, query: string) {
  const roots = scopeRoots(user.roles, STAFF_ROLES);
  const text = cleanText(query).trim();
  if (!roots.length || !text) return [];
  const rows = await db.organization.findMany({
    where: { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })), name: { contains: text }, isActive: true, isLagging: false },
    select: { id: true, name: true, path: true, parent: { select: { name: true } } },
    orderBy: { name: 'asc' },
    take: 20,
  });
  return rows.filter((row) => isStaffAbove(user.roles, row.path)).map((row) => ({ id: row.id, name: row.name, parentName: row.parent?.name ?? null }));
}
