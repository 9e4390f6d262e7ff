// A program of 示范建设 with sites and an APPROVED belt, written directly (the belt services belong to another part of
// issue 20): a city, a committee that owns the belt with its branches as sites, a sibling committee, and their admins.
import { db } from '@/lib/db';
import type { BeltStatus } from '@/lib/generated/prisma/enums';
import { DEFAULT_BELT_CHECKLISTS, DEFAULT_SITE_CHECKLISTS } from '@/lib/demo/templates';
import { createOrg, createUser } from './factories';

export async function createDemoWorld({ sites: count = 3, beltStatus = 'APPROVED' as BeltStatus } = {}) {
  const city = await createOrg({ levelLabel: '市委' });
  const committee = await createOrg({ parent: city, levelLabel: '党工委' });
  const sibling = await createOrg({ parent: city, levelLabel: '党委' });
  const cityAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const siblingAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: sibling.id }] });
  const program = await db.demoProgram.create({
    data: {
      ownerOrgId: city.id,
      title: `示范建设-${Date.now()}`,
      startYear: 2026,
      minSitesPerBelt: count,
      siteChecklists: DEFAULT_SITE_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
      beltChecklists: DEFAULT_BELT_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
      createdById: cityAdmin.id,
    },
  });
  const sites = [];
  for (let index = 0; index < count; index++) {
    const branch = await createOrg({ parent: committee });
    sites.push(await db.demoSite.create({ data: { programId: program.id, organizationId: branch.id, name: `测试示范点${index + 1}`, address: `测试路 ${index + 1} 号`, description: '测试示范点简介' } }));
  }
  const belt = await db.demoBelt.create({
    data: {
      programId: program.id,
      ownerOrgId: committee.id,
      name: `测试示范带-${Date.now()}`,
      description: '测试示范带简介',
      minSites: count,
      plan: [
        { year: 2026, milestones: '打基础', done: true },
        { year: 2027, milestones: '创品牌', done: false },
      ],
    },
  });
  await db.beltSite.createMany({ data: sites.map((site, index) => ({ beltId: belt.id, siteId: site.id, routeOrder: index + 1 })) });
  if (beltStatus !== 'DRAFT') {
    await db.demoBelt.update({
      where: { id: belt.id },
      data: { status: beltStatus, submittedAt: new Date(), ...(beltStatus === 'APPROVED' ? { decidedAt: new Date(), decidedById: cityAdmin.id } : {}), ...(beltStatus === 'RETURNED' ? { returnReason: '退回' } : {}) },
    });
  }
  return { city, committee, sibling, cityAdmin, committeeAdmin, siblingAdmin, program, sites, belt };
}

/** A photo of a site (a stored file row; the bytes are never read here). */
export async function addSitePhoto(siteId: string, uploadedById: string) {
  const file = await db.storedFile.create({
    data: { kind: 'IMAGE', storageKey: `demo-${Date.now()}-${Math.random()}`, mimeType: 'image/jpeg', size: 10, sha256: 'x', originalName: '现场.jpg', uploadedById },
  });
  await db.demoSitePhoto.create({ data: { siteId, fileId: file.id, caption: '阵地外景' } });
  return file;
}
