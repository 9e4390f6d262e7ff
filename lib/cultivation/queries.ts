// Reads for the 培育创建 pages: which cultivations a user sees, one cultivation's plan and one month of its 台帐. Every
// loader checks the reader against the database (lib/cultivation/access) and answers a stranger with 404.
import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { scopeRoots } from '@/lib/auth/scope';
import { loadGrants } from '@/lib/application/access';
import { creationPeriod, operationRefusal } from '@/lib/campaign/lifecycle';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { fileUrl } from '@/lib/files/service';
import { pageNotFound } from '@/lib/http/page';
import { isKeeper, isOverseer, loadCultivation, type TCultivationTarget } from '@/lib/cultivation/access';
import { entryDayRange, monthOf, monthOfDate, monthStatus, periodMonths, shanghaiDay, type TLedgerMonth, type TMonthStatus } from '@/lib/cultivation/ledger-schedule';
import type { TPlanTask } from '@/lib/cultivation/plan-schema';

export type TCultivationListRow = {
  id: string;
  brandName: string;
  organizationName: string;
  campaignId: string;
  campaignTitle: string;
  planStatus: 'NONE' | 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  reportedMonths: number;
};

/** The cultivations a user keeps (branch secretary) or oversees (committees, organization departments), by subtree. */
export async function listCultivations(user: TSessionUser): Promise<TCultivationListRow[]> {
  const roots = scopeRoots(user.roles, ['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  if (!roots.length) return [];
  const rows = await db.cultivation.findMany({
    where: { OR: roots.map((root) => ({ brand: { organization: { path: { startsWith: root.organizationPath } } } })) },
    select: {
      id: true,
      campaignId: true,
      campaign: { select: { title: true } },
      brand: { select: { name: true, organization: { select: { name: true } } } },
      plan: { select: { status: true } },
      _count: { select: { ledgerReports: true } },
    },
    orderBy: [{ campaign: { createdAt: 'desc' } }, { brand: { organization: { name: 'asc' } } }],
    take: 300,
  });
  return rows.map((row) => ({
    id: row.id,
    brandName: row.brand.name,
    organizationName: row.brand.organization.name,
    campaignId: row.campaignId,
    campaignTitle: row.campaign.title,
    planStatus: row.plan?.status ?? 'NONE',
    reportedMonths: row._count.ledgerReports,
  }));
}

/** The campaigns whose compliance grid a committee or organization department may open. */
export async function listGridCampaigns(user: TSessionUser) {
  const roots = scopeRoots(user.roles, ['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  if (!roots.length) return [];
  return db.campaign.findMany({
    where: { cultivations: { some: { OR: roots.map((root) => ({ brand: { organization: { path: { startsWith: root.organizationPath } } } })) } } },
    select: { id: true, title: true, year: true },
    orderBy: { createdAt: 'desc' },
  });
}

type TReadable = { target: TCultivationTarget; keeper: boolean; overseer: boolean };

async function readableOrNull(user: TSessionUser, cultivationId: string): Promise<TReadable | null> {
  const target = await loadCultivation(db, cultivationId);
  if (!target) return null;
  const grants = await loadGrants(db, user.id);
  const keeper = isKeeper(grants, target);
  const overseer = isOverseer(grants, target);
  return keeper || overseer ? { target, keeper, overseer } : null;
}

async function readable(user: TSessionUser, cultivationId: string): Promise<TReadable> {
  return (await readableOrNull(user, cultivationId)) ?? pageNotFound();
}

export type TLedgerEntryView = {
  id: string;
  occurredOn: string;
  activity: string;
  place: string;
  participants: string;
  summary: string;
  correctsId: string | null;
  correctionReason: string | null;
  correctedById: string | null;
  createdAt: Date;
  photos: { id: string; url: string; thumbUrl: string; name: string }[];
  documents: { id: string; url: string; name: string }[];
};

export type TLedgerMonthView = {
  target: TCultivationTarget;
  keeper: boolean;
  months: { month: TLedgerMonth; status: TMonthStatus }[];
  month: TLedgerMonth;
  report: { reportedAt: Date; isLate: boolean; entryCount: number } | null;
  entries: TLedgerEntryView[];
  /** Why 台帐 may not be kept now (the state machine's words), or null. */
  refusal: string | null;
  dayRange: { first: string; last: string } | null;
  today: string;
};

/** One month of a cultivation's 台帐 (default: the current month, or the last of the 创建期). */
export async function loadLedgerMonth(user: TSessionUser, cultivationId: string, requested?: string): Promise<TLedgerMonthView> {
  const { target, keeper } = await readable(user, cultivationId);
  const life = await loadLifecycle(db, target.campaignId);
  const period = creationPeriod(life);
  const allMonths = period ? periodMonths(period) : [];
  const current = monthOf(life.now);
  const visible = allMonths.filter((month) => month <= current);
  const month = requested && allMonths.includes(requested) ? requested : (visible.at(-1) ?? allMonths[0] ?? current);
  const [reports, entries] = await Promise.all([
    db.ledgerReport.findMany({ where: { cultivationId }, select: { month: true, reportedAt: true, isLate: true, entryCount: true } }),
    db.ledgerEntry.findMany({
      where: { cultivationId, month: new Date(`${month}-01T00:00:00Z`) },
      orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
      select: {
        id: true,
        occurredOn: true,
        activity: true,
        place: true,
        participants: true,
        summary: true,
        correctsId: true,
        correctionReason: true,
        correctedBy: { select: { id: true } },
        createdAt: true,
        files: { orderBy: { sortOrder: 'asc' }, select: { slot: true, file: { select: { id: true, originalName: true } } } },
      },
    }),
  ]);
  const reportByMonth = new Map(reports.map((report) => [monthOfDate(report.month), report]));
  const refusal = operationRefusal('keep-ledger', life)?.message ?? null;
  return {
    target,
    keeper,
    months: visible.map((candidate) => ({
      month: candidate,
      status: monthStatus({ month: candidate, dueDay: target.campaign.ledgerDueDay, now: life.now, reportedAt: reportByMonth.get(candidate)?.reportedAt }),
    })),
    month,
    report: reportByMonth.get(month) ?? null,
    entries: entries.map((entry) => ({
      id: entry.id,
      occurredOn: entry.occurredOn.toISOString().slice(0, 10),
      activity: entry.activity,
      place: entry.place,
      participants: entry.participants,
      summary: entry.summary,
      correctsId: entry.correctsId,
      correctionReason: entry.correctionReason,
      correctedById: entry.correctedBy?.id ?? null,
      createdAt: entry.createdAt,
      photos: entry.files.filter((file) => file.slot === 'PHOTO').map((file) => ({ id: file.file.id, url: fileUrl(file.file.id), thumbUrl: fileUrl(file.file.id, 'thumb'), name: file.file.originalName })),
      documents: entry.files.filter((file) => file.slot === 'DOCUMENT').map((file) => ({ id: file.file.id, url: fileUrl(file.file.id), name: file.file.originalName })),
    })),
    refusal,
    dayRange: period ? entryDayRange(period, life.now) : null,
    today: shanghaiDay(life.now),
  };
}

export type TPlanView = {
  target: TCultivationTarget;
  keeper: boolean;
  overseer: boolean;
  plan: {
    status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
    goals: string;
    measures: string;
    tasks: TPlanTask[];
    revision: number;
    submittedAt: Date | null;
    decidedAt: Date | null;
    decidedByName: string | null;
    returnReason: string | null;
    updatedAt: Date;
  } | null;
  writeRefusal: string | null;
  decideRefusal: string | null;
  today: string;
};

export async function loadPlanView(user: TSessionUser, cultivationId: string): Promise<TPlanView> {
  return planViewOf(await readable(user, cultivationId));
}

/** For the PDF route: null (404) when missing, not readable, or not written yet. */
export async function loadPlanForDownload(user: TSessionUser, cultivationId: string): Promise<(TPlanView & { plan: NonNullable<TPlanView['plan']> }) | null> {
  const access = await readableOrNull(user, cultivationId);
  if (!access) return null;
  const view = await planViewOf(access);
  return view.plan ? { ...view, plan: view.plan } : null;
}

async function planViewOf({ target, keeper, overseer }: TReadable): Promise<TPlanView> {
  const cultivationId = target.id;
  const life = await loadLifecycle(db, target.campaignId);
  const plan = await db.cultivationPlan.findUnique({
    where: { cultivationId },
    select: { status: true, goals: true, measures: true, tasks: true, revision: true, submittedAt: true, decidedAt: true, returnReason: true, updatedAt: true, decidedBy: { select: { displayName: true } } },
  });
  return {
    target,
    keeper,
    overseer,
    plan: plan ? { ...plan, tasks: plan.tasks as TPlanTask[], decidedByName: plan.decidedBy?.displayName ?? null } : null,
    writeRefusal: operationRefusal('write-plan', life)?.message ?? null,
    decideRefusal: operationRefusal('decide-plan', life)?.message ?? null,
    today: shanghaiDay(life.now),
  };
}

export type TGridScope = { options: { id: string; name: string; path: string; depth: number }[]; selected: { id: string; name: string; path: string } };

/**
 * The subtrees a committee or organization department may filter the grid to: its own organizations and their
 * committees below (two levels). `orgId` outside that scope is answered like a missing page.
 */
export async function loadGridScope(user: TSessionUser, orgId?: string): Promise<TGridScope | null> {
  const roots = scopeRoots(user.roles, ['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  if (!roots.length) return null;
  const options = await db.organization.findMany({
    where: { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })), isActive: true, children: { some: {} } },
    select: { id: true, name: true, path: true, depth: true },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
    take: 200,
  });
  const rootIds = new Set(roots.map((root) => root.organizationId));
  const shown = options.filter((option) => rootIds.has(option.id) || roots.some((root) => option.path.startsWith(root.organizationPath)));
  const selected = orgId ? await db.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true, path: true } }) : null;
  if (orgId && (!selected || !roots.some((root) => selected.path.startsWith(root.organizationPath)))) pageNotFound();
  const first = roots[0]!;
  return { options: shown, selected: selected ?? { id: first.organizationId, name: first.organizationName, path: first.organizationPath } };
}

/** For the export route: the subtree to export when the campaign and organization are within the user's scope, else null. */
export async function gridExportScope(user: TSessionUser, campaignId: string, orgId?: string): Promise<{ path: string; name: string } | null> {
  const roots = scopeRoots(user.roles, ['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  if (!roots.length || !(await listGridCampaigns(user)).some((campaign) => campaign.id === campaignId)) return null;
  if (!orgId) return { path: roots[0]!.organizationPath, name: roots[0]!.organizationName };
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { path: true, name: true } });
  return org && roots.some((root) => org.path.startsWith(root.organizationPath)) ? org : null;
}
