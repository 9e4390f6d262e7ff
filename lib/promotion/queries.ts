// 宣传推广 reads for the staff pages and the judges, each scoped by the reader's grants.
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { fileStorage, type TFileStorage } from '@/lib/files/storage';
import type { TRoleGrant } from '@/lib/auth/session';
import { rankWithTies, roundScore } from '@/lib/review/ranking';
import { isPromotionStaff, ownedInScope, promotionRoots } from '@/lib/promotion/access';
import { brochureBrands, eligibleBrands } from '@/lib/promotion/brands';
import { pdfImage, type TBrochureInput } from '@/lib/promotion/brochure-pdf';
import { promotionRemindersAt, schedulePeriods, type TRecurrence } from '@/lib/promotion/periods';
import type { TCriterion } from '@/lib/promotion/service';

export const EVENTS_PER_PAGE = 10;

export async function listPromotionEvents(grants: readonly TRoleGrant[], page: number) {
  const where = { ownerOrg: ownedInScope(grants) };
  const [total, events] = await Promise.all([
    db.promotionEvent.count({ where }),
    db.promotionEvent.findMany({
      where,
      orderBy: [{ heldAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * EVENTS_PER_PAGE,
      take: EVENTS_PER_PAGE,
      select: {
        id: true,
        kind: true,
        title: true,
        heldAt: true,
        place: true,
        ownerOrg: { select: { name: true } },
        schedule: { select: { title: true } },
        _count: { select: { sites: true, files: true, entries: true } },
      },
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / EVENTS_PER_PAGE)), events };
}

/** The staff's organizations (their grant tops) with the ACTIVE 示范点 and schedules of each, for the new-event form. */
export async function eventFormOptions(grants: readonly TRoleGrant[]) {
  const roots = promotionRoots(grants);
  const owners = await Promise.all(
    roots.map(async (root) => {
      const [sites, schedules] = await Promise.all([
        db.demoSite.findMany({
          where: { status: 'ACTIVE', organization: { path: { startsWith: root.organizationPath } } },
          orderBy: [{ program: { startYear: 'desc' } }, { organization: { path: 'asc' } }, { name: 'asc' }],
          select: { id: true, name: true, address: true, program: { select: { title: true } } },
        }),
        db.promotionSchedule.findMany({ where: { ownerOrgId: root.organizationId }, orderBy: { createdAt: 'desc' }, select: { id: true, title: true, kind: true } }),
      ]);
      return { id: root.organizationId, name: root.organizationName, sites, schedules };
    }),
  );
  return owners;
}

export async function loadPromotionEvent(grants: readonly TRoleGrant[], eventId: string) {
  const event = await db.promotionEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      kind: true,
      title: true,
      heldAt: true,
      place: true,
      participants: true,
      summary: true,
      criteria: true,
      ownerOrg: { select: { id: true, name: true, path: true } },
      schedule: { select: { title: true } },
      createdBy: { select: { displayName: true } },
      sites: { orderBy: { sortOrder: 'asc' }, select: { sortOrder: true, site: { select: { id: true, name: true, address: true, level: true, status: true } } } },
      files: { orderBy: [{ slot: 'asc' }, { sortOrder: 'asc' }], select: { slot: true, caption: true, file: { select: { id: true, originalName: true, kind: true } } } },
      entries: { orderBy: { sortOrder: 'asc' }, select: { id: true, sortOrder: true, organizationId: true, brandId: true, presenter: true, topic: true, organization: { select: { name: true } }, brand: { select: { name: true } } } },
      judges: { select: { judge: { select: { id: true, displayName: true } } }, orderBy: { judgeId: 'asc' } },
    },
  });
  if (!event || !isPromotionStaff(grants, event.ownerOrg.path)) return null;
  return { ...event, criteria: event.criteria as TCriterion[] };
}

export type TContestRankRow = { entryId: string; order: number; organizationName: string; brandName: string | null; presenter: string; topic: string; sheets: number; average: number | null; rank: number | null; isTied: boolean };

/** The ranking: the average of the submitted sheets of each presentation (2 decimals), ties share a place. */
export async function contestRanking(eventId: string): Promise<TContestRankRow[]> {
  const entries = await db.contestEntry.findMany({
    where: { eventId },
    orderBy: { sortOrder: 'asc' },
    select: { id: true, sortOrder: true, presenter: true, topic: true, organization: { select: { name: true } }, brand: { select: { name: true } }, scores: { where: { submittedAt: { not: null } }, select: { total: true } } },
  });
  const rows = entries.map((entry) => ({
    entryId: entry.id,
    order: entry.sortOrder,
    organizationName: entry.organization.name,
    brandName: entry.brand?.name ?? null,
    presenter: entry.presenter,
    topic: entry.topic,
    sheets: entry.scores.length,
    average: entry.scores.length ? roundScore(entry.scores.reduce((sum, score) => sum + score.total, 0) / entry.scores.length) : null,
  }));
  const ranked = rankWithTies(rows.filter((row) => row.average !== null).map((row) => ({ ...row, score: row.average! })));
  const byId = new Map(ranked.map((row) => [row.entryId, row]));
  const result = rows.map((row) => ({ ...row, rank: byId.get(row.entryId)?.rank ?? null, isTied: byId.get(row.entryId)?.isTied ?? false }));
  return result.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.order - b.order);
}

/** Whether any judge saved a sheet (the panel and criteria are locked from then on). */
export async function contestHasSheets(eventId: string): Promise<boolean> {
  return (await db.contestScore.count({ where: { entry: { eventId } } })) > 0;
}

/** The contests a judge sits on, with their sheet per presentation. */
export async function judgeContests(judgeId: string) {
  const events = await db.promotionEvent.findMany({
    where: { kind: 'CONTEST', judges: { some: { judgeId } } },
    orderBy: { heldAt: 'desc' },
    select: {
      id: true,
      title: true,
      heldAt: true,
      place: true,
      criteria: true,
      entries: {
        orderBy: { sortOrder: 'asc' },
        select: { id: true, sortOrder: true, presenter: true, topic: true, organization: { select: { name: true } }, brand: { select: { name: true } }, scores: { where: { judgeId }, select: { scores: true, total: true, comment: true, submittedAt: true } } },
      },
    },
  });
  return events.map((event) => ({ ...event, criteria: event.criteria as TCriterion[] }));
}

/** One presentation's sheet for its judge, or null when they do not judge it. */
export async function loadContestSheet(judgeId: string, entryId: string) {
  const entry = await db.contestEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      sortOrder: true,
      presenter: true,
      topic: true,
      organization: { select: { name: true } },
      brand: { select: { name: true } },
      event: { select: { id: true, title: true, heldAt: true, criteria: true, judges: { where: { judgeId }, select: { judgeId: true } } } },
      scores: { where: { judgeId }, select: { scores: true, total: true, comment: true, submittedAt: true } },
    },
  });
  if (!entry || !entry.event.judges.length) return null;
  return { ...entry, criteria: entry.event.criteria as TCriterion[], sheet: entry.scores[0] ?? null };
}

/** Candidates for a contest's panel: experts whose grant is on the owner's path or inside it, and staff above it. */
export async function judgeCandidates(ownerPath: string) {
  const users = await db.user.findMany({
    where: {
      isDisabled: false,
      roleAssignments: { some: { organization: { isActive: true }, role: { in: ['EXPERT', 'COMMITTEE_ADMIN', 'ORG_ADMIN'] } } },
    },
    select: { id: true, displayName: true, roleAssignments: { where: { organization: { isActive: true } }, select: { role: true, organization: { select: { path: true } } } } },
    orderBy: { displayName: 'asc' },
  });
  return users
    .map((user) => {
      const expert = user.roleAssignments.some(({ role, organization: { path } }) => role === 'EXPERT' && (ownerPath.startsWith(path) || path.startsWith(ownerPath)));
      const staff = user.roleAssignments.some(({ role, organization: { path } }) => role !== 'EXPERT' && role !== 'BRANCH_SECRETARY' && role !== 'MEMBER' && ownerPath.startsWith(path));
      return { id: user.id, name: user.displayName, expert, staff };
    })
    .filter((user) => user.expert || user.staff)
    .sort((a, b) => Number(b.expert) - Number(a.expert) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Organizations of the owner's subtree with their brands, for a contest's entries. */
export async function contestOrganizations(ownerPath: string) {
  return db.organization.findMany({
    where: { isActive: true, path: { startsWith: ownerPath }, brands: { some: {} } },
    orderBy: { path: 'asc' },
    select: { id: true, name: true, brands: { select: { id: true, name: true }, orderBy: { name: 'asc' } } },
  });
}

export async function listSchedules(grants: readonly TRoleGrant[], now: Date) {
  const schedules = await db.promotionSchedule.findMany({
    where: { ownerOrg: ownedInScope(grants) },
    orderBy: { createdAt: 'desc' },
    select: { id: true, kind: true, title: true, recurrence: true, startsOn: true, endsOn: true, ownerOrg: { select: { name: true } }, events: { select: { heldAt: true } } },
  });
  return schedules.map((schedule) => {
    const window = { recurrence: schedule.recurrence as TRecurrence, startsOn: schedule.startsOn, endsOn: schedule.endsOn };
    const heldAt = schedule.events.map((event) => event.heldAt);
    const periods = schedulePeriods(window, now, 4).map((period) => ({ ...period, held: heldAt.filter((at) => at >= period.startsAt && at < period.endsAt).length }));
    return { ...schedule, periods, reminders: promotionRemindersAt(schedule.id, window, heldAt, now) };
  });
}

export async function listBrochures(grants: readonly TRoleGrant[]) {
  return db.brochure.findMany({
    where: { ownerOrg: ownedInScope(grants) },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, subtitle: true, brandIds: true, createdAt: true, ownerOrg: { select: { name: true } } },
  });
}

/** The staff's organizations with the brands each may put in a brochure. */
export async function brochureFormOptions(grants: readonly TRoleGrant[]) {
  return Promise.all(promotionRoots(grants).map(async (root) => ({ id: root.organizationId, name: root.organizationName, brands: await eligibleBrands(root.organizationPath) })));
}

/** Everything the brochure PDF shows, images read from storage; null when the reader may not have it. */
export async function loadBrochurePdfInput(grants: readonly TRoleGrant[], brochureId: string, storage: TFileStorage = fileStorage()): Promise<TBrochureInput | null> {
  const brochure = await db.brochure.findUnique({ where: { id: brochureId }, select: { title: true, subtitle: true, brandIds: true, createdAt: true, ownerOrg: { select: { name: true, path: true } } } });
  if (!brochure || !isPromotionStaff(grants, brochure.ownerOrg.path)) return null;
  const brands = await brochureBrands(brochure.ownerOrg.path, brochure.brandIds);
  const read = async (file: { storageKey: string; mimeType: string } | null) => {
    if (!file) return null;
    const bytes = await storage.get(file.storageKey).catch(() => null);
    return bytes ? pdfImage(bytes, file.mimeType) : null;
  };
  return {
    title: brochure.title,
    subtitle: brochure.subtitle,
    issuer: brochure.ownerOrg.name,
    dateText: formatDate(brochure.createdAt),
    brands: await Promise.all(
      brands.map(async (brand) => ({
        name: brand.name,
        organizationName: brand.organizationName,
        slogan: brand.slogan,
        essence: brand.essence,
        logo: await read(brand.logo),
        photos: (await Promise.all(brand.photos.map(async (photo) => ({ bytes: await read(photo), caption: photo.caption })))).flatMap((photo) => (photo.bytes ? [{ bytes: photo.bytes, caption: photo.caption }] : [])),
        honours: brand.honours,
      })),
    ),
  };
}
