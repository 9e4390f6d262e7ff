// What the 示范带 pages read: the belts in the user's scope, the programs they may build belts in, and one belt with its
// route, each site's checklist (达标) count and latest assessment, the plan, the 五个一 and the 问题/提升清单.
import { db, dbNow } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { pageNotFound } from '@/lib/http/page';
import type { TChecklistTemplate, TScoreCriterion } from '@/lib/demo/templates';
import { isBeltDecider, isBeltManager, loadBelt } from '@/lib/belt/access';
import { ownerCandidates } from '@/lib/belt/improvement-service';
import { factorsFor, planForYears, shanghaiDayOf } from '@/lib/belt/schema';
import { submitRefusal } from '@/lib/belt/service';

const STAFF = ['COMMITTEE_ADMIN', 'ORG_ADMIN'] as const;

function staffGrants(user: Pick<TSessionUser, 'roles'>) {
  return user.roles.filter((grant) => (STAFF as readonly string[]).includes(grant.role));
}

export async function listBelts(user: Pick<TSessionUser, 'roles'>) {
  const grants = staffGrants(user);
  if (!grants.length) return [];
  const belts = await db.demoBelt.findMany({
    where: {
      OR: [
        ...grants.map((grant) => ({ ownerOrg: { path: { startsWith: grant.organizationPath } } })),
        ...grants.filter((grant) => grant.role === 'ORG_ADMIN').map((grant) => ({ program: { ownerOrg: { path: { startsWith: grant.organizationPath } } } })),
      ],
    },
    select: {
      id: true,
      name: true,
      status: true,
      minSites: true,
      ownerOrg: { select: { name: true } },
      program: { select: { title: true } },
      _count: { select: { sites: true, improvementItems: { where: { status: 'OPEN' } } } },
    },
    orderBy: [{ program: { startYear: 'desc' } }, { createdAt: 'asc' }],
  });
  return belts.map((belt) => ({ id: belt.id, name: belt.name, status: belt.status, minSites: belt.minSites, ownerName: belt.ownerOrg.name, programTitle: belt.program.title, siteCount: belt._count.sites, openItems: belt._count.improvementItems }));
}

/** Programs the user may build a belt in, each with the organizations a belt may be built by (their staff grants and the level below). */
export async function creatableBeltPrograms(user: Pick<TSessionUser, 'roles'>) {
  const grants = staffGrants(user);
  if (!grants.length) return [];
  const programs = await db.demoProgram.findMany({ select: { id: true, title: true, ownerOrg: { select: { path: true } } }, orderBy: { startYear: 'desc' } });
  const orgs = await db.organization.findMany({
    where: { isActive: true, OR: grants.flatMap((grant) => [{ id: grant.organizationId }, { parent: { id: grant.organizationId } }]) },
    select: { id: true, name: true, path: true, depth: true },
    orderBy: [{ depth: 'asc' }, { name: 'asc' }],
  });
  return programs
    .map((program) => ({ id: program.id, title: program.title, owners: orgs.filter((org) => org.path.startsWith(program.ownerOrg.path)).map((org) => ({ id: org.id, name: org.name })) }))
    .filter((program) => program.owners.length);
}

export type TBeltView = Awaited<ReturnType<typeof loadBeltView>>;

export async function loadBeltView(user: Pick<TSessionUser, 'roles'>, beltId: string) {
  const target = await loadBelt(db, beltId);
  if (!target || !(isBeltManager(user.roles, target) || isBeltDecider(user.roles, target))) pageNotFound();
  const belt = await db.demoBelt.findUniqueOrThrow({
    where: { id: target.id },
    select: {
      description: true,
      factors: true,
      plan: true,
      submittedAt: true,
      decidedAt: true,
      returnReason: true,
      decidedBy: { select: { displayName: true } },
      program: { select: { siteChecklists: true, beltChecklists: true, scoreSheet: true } },
      sites: {
        orderBy: { routeOrder: 'asc' },
        select: {
          routeOrder: true,
          site: {
            select: {
              id: true,
              name: true,
              level: true,
              address: true,
              status: true,
              organization: { select: { name: true } },
              checklistItems: { where: { verdict: 'MET' }, select: { listKey: true } },
              assessments: { orderBy: [{ year: 'desc' }, { version: 'desc' }], take: 1, select: { year: true, total: true, criteria: true } },
              _count: { select: { improvementItems: { where: { status: 'OPEN' } } } },
            },
          },
        },
      },
      checklistItems: { select: { listKey: true, itemIndex: true, verdict: true, note: true } },
    },
  });
  const siteChecklists = (belt.program.siteChecklists ?? []) as unknown as TChecklistTemplate[];
  const siteItemTotal = siteChecklists.reduce((sum, list) => sum + list.items.length, 0);
  const siteIds = belt.sites.map((stop) => stop.site.id);
  const now = await dbNow();
  const today = shanghaiDayOf(now);
  const items = await db.improvementItem.findMany({
    where: { OR: [{ beltId: target.id }, { siteId: { in: siteIds } }] },
    select: {
      id: true,
      kind: true,
      title: true,
      detail: true,
      ownerName: true,
      dueOn: true,
      status: true,
      closedAt: true,
      closureNote: true,
      site: { select: { name: true } },
      ownerUser: { select: { displayName: true } },
      closedBy: { select: { displayName: true } },
      evidence: { orderBy: { sortOrder: 'asc' }, select: { file: { select: { id: true, kind: true, originalName: true } } } },
    },
    orderBy: [{ status: 'asc' }, { dueOn: 'asc' }],
  });
  const manager = isBeltManager(user.roles, target);
  const factors = factorsFor(target.program.beltFactors, belt.factors);
  const plan = planForYears(target.program.startYear, target.program.years, belt.plan);
  const candidates = manager
    ? await db.demoSite.findMany({
        where: { programId: target.program.id, status: 'ACTIVE', organization: { path: { startsWith: target.ownerOrg.path } }, id: { notIn: siteIds } },
        select: { id: true, name: true, organization: { select: { name: true } } },
        orderBy: { name: 'asc' },
      })
    : [];
  return {
    target,
    manager,
    decider: isBeltDecider(user.roles, target),
    today,
    description: belt.description,
    factors,
    plan,
    revision: target.updatedAt.toISOString(),
    submittedAt: belt.submittedAt,
    decidedAt: belt.decidedAt,
    decidedByName: belt.decidedBy?.displayName ?? null,
    returnReason: belt.returnReason,
    submitRefusal: submitRefusal({
      minSites: target.minSites,
      siteCount: belt.sites.length,
      revokedSites: belt.sites.filter((stop) => stop.site.status !== 'ACTIVE').map((stop) => stop.site.name),
      missingFactors: Object.entries(factors).filter(([, text]) => !text.trim()).map(([factor]) => factor),
    }),
    sites: belt.sites.map((stop) => {
      const latest = stop.site.assessments[0];
      const maxPoints = latest ? ((latest.criteria ?? []) as unknown as TScoreCriterion[]).reduce((sum, criterion) => sum + criterion.maxPoints, 0) : 0;
      return {
        id: stop.site.id,
        routeOrder: stop.routeOrder,
        name: stop.site.name,
        level: stop.site.level,
        address: stop.site.address,
        revoked: stop.site.status !== 'ACTIVE',
        organizationName: stop.site.organization.name,
        checklistMet: stop.site.checklistItems.filter((item) => siteChecklists.some((list) => list.key === item.listKey)).length,
        checklistTotal: siteItemTotal,
        assessment: latest ? { year: latest.year, total: latest.total, maxPoints } : null,
        openItems: stop.site._count.improvementItems,
      };
    }),
    beltChecklists: ((belt.program.beltChecklists ?? []) as unknown as TChecklistTemplate[]).map((list) => ({
      key: list.key,
      name: list.name,
      items: list.items.map((name, index) => {
        const saved = belt.checklistItems.find((item) => item.listKey === list.key && item.itemIndex === index);
        return { name, verdict: saved?.verdict ?? ('PENDING' as const), note: saved?.note ?? '' };
      }),
    })),
    items: items.map((item) => {
      const dueOn = item.dueOn.toISOString().slice(0, 10);
      return {
        id: item.id,
        kind: item.kind,
        title: item.title,
        detail: item.detail,
        ownerName: item.ownerName,
        ownerAccount: item.ownerUser?.displayName ?? null,
        dueOn,
        overdue: item.status === 'OPEN' && dueOn < today,
        status: item.status,
        closedAt: item.closedAt,
        closureNote: item.closureNote,
        closedByName: item.closedBy?.displayName ?? null,
        siteName: item.site?.name ?? null,
        evidence: item.evidence.map((entry) => entry.file),
      };
    }),
    ownerCandidates: manager ? await ownerCandidates(db, target.ownerOrg.path) : [],
    candidates: candidates.map((site) => ({ id: site.id, name: site.name, organizationName: site.organization.name })),
  };
}
