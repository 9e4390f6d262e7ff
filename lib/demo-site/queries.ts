// Reads of 示范建设 for staff pages, scoped by the reader's grants: programs whose owner subtree overlaps the staff
// reader's (or that hold a site of a secretary's organization), and the sites the reader manages or, for a branch
// secretary, the sites of their organization (photos and evidence only).
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TRoleGrant } from '@/lib/auth/session';
import { siteCompleteness } from '@/lib/checklist/queries';
import { parseChecklists } from '@/lib/checklist/subject';
import { canAddSitePhotos, canManageProgram, canManageSite, SITE_STAFF_ROLES } from '@/lib/demo-site/access';
import { parseScoreSheet } from '@/lib/demo-site/assessment-service';

const staffPaths = (grants: readonly TRoleGrant[]) => grants.filter((grant) => (SITE_STAFF_ROLES as readonly string[]).includes(grant.role)).map((grant) => grant.organizationPath);
const secretaryPaths = (grants: readonly TRoleGrant[]) => grants.filter((grant) => grant.role === 'BRANCH_SECRETARY').map((grant) => grant.organizationPath);

/** Sites whose organization lies in one of these subtrees. */
const sitesUnder = (paths: string[]): Prisma.DemoSiteWhereInput => ({ OR: paths.map((path) => ({ organization: { path: { startsWith: path } } })) });

export async function listDemoPrograms(grants: readonly TRoleGrant[]) {
  const paths = staffPaths(grants);
  const ownSites = secretaryPaths(grants);
  if (!paths.length && !ownSites.length) return [];
  const programs = await db.demoProgram.findMany({
    orderBy: [{ startYear: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, title: true, startYear: true, years: true, minSitesPerBelt: true, ownerOrg: { select: { name: true, path: true } } },
  });
  const withOwnSites = ownSites.length
    ? new Set((await db.demoSite.findMany({ where: sitesUnder(ownSites), distinct: ['programId'], select: { programId: true } })).map((row) => row.programId))
    : new Set<string>();
  const visible = programs.filter((program) => withOwnSites.has(program.id) || paths.some((path) => program.ownerOrg.path.startsWith(path) || path.startsWith(program.ownerOrg.path)));
  const readable = [...paths, ...ownSites];
  const counts = await db.demoSite.groupBy({ by: ['programId', 'status'], where: { programId: { in: visible.map((program) => program.id) }, ...sitesUnder(readable) }, _count: true });
  return visible.map((program) => ({
    ...program,
    canManage: canManageProgram(grants, program.ownerOrg.path),
    activeSites: counts.find((row) => row.programId === program.id && row.status === 'ACTIVE')?._count ?? 0,
    revokedSites: counts.find((row) => row.programId === program.id && row.status === 'REVOKED')?._count ?? 0,
  }));
}

export type TDemoProgramView = NonNullable<Awaited<ReturnType<typeof loadDemoProgram>>>;

export async function loadDemoProgram(grants: readonly TRoleGrant[], programId: string) {
  const paths = staffPaths(grants);
  const ownSites = secretaryPaths(grants);
  const program = await db.demoProgram.findUnique({
    where: { id: programId },
    select: {
      id: true,
      title: true,
      startYear: true,
      years: true,
      minSitesPerBelt: true,
      siteChecklists: true,
      beltChecklists: true,
      scoreSheet: true,
      ownerOrg: { select: { id: true, name: true, path: true } },
    },
  });
  if (!program) return null;
  const overlaps = paths.some((path) => program.ownerOrg.path.startsWith(path) || path.startsWith(program.ownerOrg.path));
  const readable = overlaps ? [...paths, ...ownSites] : ownSites;
  if (!readable.length) return null;
  const sites = await db.demoSite.findMany({
    where: { programId, ...sitesUnder(readable) },
    orderBy: [{ status: 'asc' }, { organization: { path: 'asc' } }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      level: true,
      status: true,
      address: true,
      organization: { select: { name: true } },
      brand: { select: { name: true } },
      assessments: { orderBy: [{ year: 'desc' }, { version: 'desc' }], take: 1, select: { year: true, version: true, total: true } },
    },
  });
  if (!overlaps && !sites.length) return null;
  const siteLists = parseChecklists(program.siteChecklists);
  const completeness = await siteCompleteness(
    sites.map((site) => site.id),
    siteLists,
  );
  return {
    ...program,
    siteChecklists: siteLists,
    beltChecklists: parseChecklists(program.beltChecklists),
    scoreSheet: parseScoreSheet(program.scoreSheet),
    canManage: canManageProgram(grants, program.ownerOrg.path),
    sites: sites.map(({ assessments, ...site }) => ({ ...site, latest: assessments[0] ?? null, completeness: completeness.get(site.id) ?? [] })),
  };
}

/** Organizations a reader may set a site up for in this program, with their brands (the site form's choices). */
export async function siteFormOptions(grants: readonly TRoleGrant[], ownerPath: string) {
  const paths = staffPaths(grants).filter((path) => path.startsWith(ownerPath) || ownerPath.startsWith(path));
  if (!paths.length) return [];
  const scopePaths = paths.map((path) => (path.startsWith(ownerPath) ? path : ownerPath));
  const organizations = await db.organization.findMany({
    where: { isActive: true, OR: scopePaths.map((path) => ({ path: { startsWith: path } })) },
    orderBy: { path: 'asc' },
    take: 1000,
    select: { id: true, name: true, brands: { orderBy: { createdAt: 'asc' }, select: { id: true, name: true } } },
  });
  return organizations;
}

export type TDemoSiteView = NonNullable<Awaited<ReturnType<typeof loadDemoSite>>>;

export async function loadDemoSite(grants: readonly TRoleGrant[], siteId: string) {
  const site = await db.demoSite.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      name: true,
      level: true,
      status: true,
      address: true,
      latitude: true,
      longitude: true,
      description: true,
      revokedAt: true,
      revokeReason: true,
      revokedBy: { select: { displayName: true } },
      organizationId: true,
      brandId: true,
      organization: { select: { name: true, path: true } },
      brand: { select: { name: true } },
      program: { select: { id: true, title: true, startYear: true, years: true, scoreSheet: true, ownerOrg: { select: { path: true } } } },
      photos: { orderBy: { sortOrder: 'asc' }, select: { caption: true, file: { select: { id: true, originalName: true, uploadedById: true } } } },
      assessments: {
        orderBy: [{ year: 'desc' }, { version: 'desc' }],
        select: { id: true, year: true, version: true, criteria: true, scores: true, total: true, comment: true, assessedAt: true, assessedBy: { select: { displayName: true } } },
      },
    },
  });
  if (!site || !canAddSitePhotos(grants, site.organization.path)) return null;
  return {
    ...site,
    latitude: site.latitude?.toNumber() ?? null,
    longitude: site.longitude?.toNumber() ?? null,
    scoreSheet: parseScoreSheet(site.program.scoreSheet),
    assessments: site.assessments.map((row) => ({ ...row, criteria: parseScoreSheet(row.criteria), assessedAt: row.assessedAt.toISOString() })),
    canManage: canManageSite(grants, site.organization.path),
  };
}
