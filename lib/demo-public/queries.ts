// Reads of the public 示范点 / 示范带 pages (/demo…). What is public, decided here once:
// - a belt only once its 立项 is APPROVED (DRAFT, SUBMITTED and RETURNED belts are the committee's working papers: 404);
// - every site of a program while ACTIVE (a 市级/县级示范点 is itself a public title); a REVOKED site keeps its page but
//   shows only 已摘牌 with the date and reason — no photos, checklists or comments;
// - comments only once APPROVED, as "群众" and the day, with the staff reply under them; never a phone or an IP.
// Everything returned is plain JSON (dates as ISO strings): it goes through Next's data cache (public-cache.ts).
import { db } from '@/lib/db';
import type { CommentStatus } from '@/lib/generated/prisma/enums';
import { checklistStatus, parseChecklists, parsePlan, type TChecklistStatus, type TPlanYear } from '@/lib/demo-public/progress';

export type TPublicComment = { id: string; displayName: string; body: string; createdAt: string; reply: string | null; repliedAt: string | null };
export type TPublicPhoto = { fileId: string; caption: string; siteName: string };

const APPROVED: CommentStatus = 'APPROVED';

const commentSelect = { id: true, displayName: true, body: true, createdAt: true, reply: true, repliedAt: true } as const;

function publicComment(row: { id: string; displayName: string; body: string; createdAt: Date; reply: string | null; repliedAt: Date | null }): TPublicComment {
  return { id: row.id, displayName: row.displayName, body: row.body, createdAt: row.createdAt.toISOString(), reply: row.reply, repliedAt: row.repliedAt?.toISOString() ?? null };
}

export type TDemoIndex = {
  programs: {
    id: string;
    title: string;
    belts: { id: string; name: string; ownerName: string; siteCount: number }[];
    sites: { id: string; name: string; level: 'CITY' | 'COUNTY'; organizationName: string; address: string }[];
  }[];
};

/** Every program with its approved belts and active sites (revoked ones have their own page, not a place in the list). */
export async function listPublicDemo(): Promise<TDemoIndex> {
  const programs = await db.demoProgram.findMany({
    orderBy: [{ startYear: 'desc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      title: true,
      belts: {
        where: { status: 'APPROVED' },
        orderBy: { createdAt: 'asc' },
        select: { id: true, name: true, ownerOrg: { select: { name: true } }, _count: { select: { sites: true } } },
      },
      sites: {
        where: { status: 'ACTIVE' },
        orderBy: [{ level: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, name: true, level: true, address: true, organization: { select: { name: true } } },
      },
    },
  });
  return {
    programs: programs
      .filter((program) => program.belts.length > 0 || program.sites.length > 0)
      .map((program) => ({
        id: program.id,
        title: program.title,
        belts: program.belts.map((belt) => ({ id: belt.id, name: belt.name, ownerName: belt.ownerOrg.name, siteCount: belt._count.sites })),
        sites: program.sites.map((site) => ({ id: site.id, name: site.name, level: site.level, organizationName: site.organization.name, address: site.address })),
      })),
  };
}

export type TPublicBeltSite = {
  id: string;
  name: string;
  level: 'CITY' | 'COUNTY';
  routeOrder: number;
  revoked: boolean;
  address: string;
  /** 达标 items over all of the site's checklists (a revoked site: 0 of 0). */
  met: number;
  total: number;
};

export type TPublicBelt = {
  id: string;
  name: string;
  description: string;
  ownerName: string;
  programTitle: string;
  decidedAt: string | null;
  sites: TPublicBeltSite[];
  checklists: TChecklistStatus[];
  plan: TPlanYear[];
  photos: TPublicPhoto[];
  comments: TPublicComment[];
};

const PHOTOS_ON_BELT = 12;

/** An APPROVED belt with its route, progress, plan, its active sites' photos and approved comments; else null. */
export async function loadPublicBelt(beltId: string): Promise<TPublicBelt | null> {
  const belt = await db.demoBelt.findFirst({
    where: { id: beltId, status: 'APPROVED' },
    select: {
      id: true,
      name: true,
      description: true,
      plan: true,
      decidedAt: true,
      ownerOrg: { select: { name: true } },
      program: { select: { title: true, siteChecklists: true, beltChecklists: true } },
      checklistItems: { select: { listKey: true, itemIndex: true, verdict: true } },
      sites: {
        orderBy: { routeOrder: 'asc' },
        select: {
          routeOrder: true,
          site: {
            select: {
              id: true,
              name: true,
              level: true,
              status: true,
              address: true,
              checklistItems: { select: { listKey: true, itemIndex: true, verdict: true } },
              photos: { orderBy: [{ sortOrder: 'asc' }, { fileId: 'asc' }], take: 2, select: { fileId: true, caption: true } },
            },
          },
        },
      },
      comments: { where: { status: APPROVED }, orderBy: { createdAt: 'desc' }, take: 100, select: commentSelect },
    },
  });
  if (!belt) return null;
  const siteLists = parseChecklists(belt.program.siteChecklists);
  const sites = belt.sites.map(({ routeOrder, site }) => {
    const revoked = site.status === 'REVOKED';
    const lists = revoked ? [] : checklistStatus(siteLists, site.checklistItems);
    return {
      id: site.id,
      name: site.name,
      level: site.level,
      routeOrder,
      revoked,
      address: site.address,
      met: lists.reduce((sum, list) => sum + list.met, 0),
      total: lists.reduce((sum, list) => sum + list.items.length, 0),
    };
  });
  const photos = belt.sites
    .filter(({ site }) => site.status === 'ACTIVE')
    .flatMap(({ site }) => site.photos.map((photo) => ({ fileId: photo.fileId, caption: photo.caption, siteName: site.name })))
    .slice(0, PHOTOS_ON_BELT);
  return {
    id: belt.id,
    name: belt.name,
    description: belt.description,
    ownerName: belt.ownerOrg.name,
    programTitle: belt.program.title,
    decidedAt: belt.decidedAt?.toISOString() ?? null,
    sites,
    checklists: checklistStatus(parseChecklists(belt.program.beltChecklists), belt.checklistItems),
    plan: parsePlan(belt.plan),
    photos,
    comments: belt.comments.map(publicComment),
  };
}

export type TPublicSite =
  | {
      revoked: false;
      id: string;
      name: string;
      level: 'CITY' | 'COUNTY';
      address: string;
      description: string;
      organizationName: string;
      brandName: string | null;
      programTitle: string;
      photos: TPublicPhoto[];
      checklists: TChecklistStatus[];
      belts: { id: string; name: string; routeOrder: number }[];
      comments: TPublicComment[];
    }
  | { revoked: true; id: string; name: string; level: 'CITY' | 'COUNTY'; organizationName: string; revokedAt: string | null; revokeReason: string };

/** A site's public page: the whole of it while ACTIVE, only the 摘牌 once REVOKED; null for an unknown id. */
export async function loadPublicSite(siteId: string): Promise<TPublicSite | null> {
  const site = await db.demoSite.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      name: true,
      level: true,
      status: true,
      address: true,
      description: true,
      revokedAt: true,
      revokeReason: true,
      organization: { select: { name: true } },
      brand: { select: { name: true } },
      program: { select: { title: true, siteChecklists: true } },
    },
  });
  if (!site) return null;
  if (site.status === 'REVOKED') {
    return { revoked: true, id: site.id, name: site.name, level: site.level, organizationName: site.organization.name, revokedAt: site.revokedAt?.toISOString() ?? null, revokeReason: site.revokeReason ?? '' };
  }
  const [photos, items, belts, comments] = await Promise.all([
    db.demoSitePhoto.findMany({ where: { siteId }, orderBy: [{ sortOrder: 'asc' }, { fileId: 'asc' }], select: { fileId: true, caption: true } }),
    db.checklistItem.findMany({ where: { siteId }, select: { listKey: true, itemIndex: true, verdict: true } }),
    db.beltSite.findMany({ where: { siteId, belt: { status: 'APPROVED' } }, orderBy: { belt: { createdAt: 'asc' } }, select: { routeOrder: true, belt: { select: { id: true, name: true } } } }),
    db.publicComment.findMany({ where: { siteId, status: APPROVED }, orderBy: { createdAt: 'desc' }, take: 100, select: commentSelect }),
  ]);
  return {
    revoked: false,
    id: site.id,
    name: site.name,
    level: site.level,
    address: site.address,
    description: site.description,
    organizationName: site.organization.name,
    brandName: site.brand?.name ?? null,
    programTitle: site.program.title,
    photos: photos.map((photo) => ({ ...photo, siteName: site.name })),
    checklists: checklistStatus(parseChecklists(site.program.siteChecklists), items),
    belts: belts.map((entry) => ({ id: entry.belt.id, name: entry.belt.name, routeOrder: entry.routeOrder })),
    comments: comments.map(publicComment),
  };
}

/** What a comment form needs to know of its subject: its name, or null when it takes no comments (unknown, not public, revoked). */
export async function commentSubject(subject: { beltId?: string; siteId?: string }): Promise<{ name: string; kind: 'belt' | 'site' } | null> {
  if (subject.beltId) {
    const belt = await db.demoBelt.findFirst({ where: { id: subject.beltId, status: 'APPROVED' }, select: { name: true } });
    return belt ? { name: belt.name, kind: 'belt' } : null;
  }
  if (subject.siteId) {
    const site = await db.demoSite.findFirst({ where: { id: subject.siteId, status: 'ACTIVE' }, select: { name: true } });
    return site ? { name: site.name, kind: 'site' } : null;
  }
  return null;
}

/** Ids for the sitemap: approved belts and active sites. */
export async function listPublicDemoPaths(): Promise<{ path: string; lastModified: string }[]> {
  const [belts, sites] = await Promise.all([
    db.demoBelt.findMany({ where: { status: 'APPROVED' }, select: { id: true, updatedAt: true } }),
    db.demoSite.findMany({ where: { status: 'ACTIVE' }, select: { id: true, updatedAt: true } }),
  ]);
  return [
    ...belts.map((belt) => ({ path: `/demo/belts/${belt.id}`, lastModified: belt.updatedAt.toISOString() })),
    ...sites.map((site) => ({ path: `/demo/sites/${site.id}`, lastModified: site.updatedAt.toISOString() })),
  ];
}

/** Every id a public page exists for: approved belts, and sites whichever their status (a revoked one shows 已摘牌). */
export async function listPublicDemoIds(): Promise<{ beltIds: string[]; siteIds: string[] }> {
  const [belts, sites] = await Promise.all([db.demoBelt.findMany({ where: { status: 'APPROVED' }, select: { id: true } }), db.demoSite.findMany({ select: { id: true } })]);
  return { beltIds: belts.map((belt) => belt.id), siteIds: sites.map((site) => site.id) };
}
