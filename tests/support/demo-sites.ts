import { db } from '@/lib/db';
import { DEFAULT_BELT_CHECKLISTS, DEFAULT_SCORE_SHEET, DEFAULT_SITE_CHECKLISTS } from '@/lib/demo/templates';
import { createOrg, createUser } from './factories';

/** A city with a committee and two branches (one a sibling's), its program, a site of the first branch and the people around it. */
export async function createDemoSiteScope() {
  const city = await createOrg({ name: '示范测试市', levelLabel: '市' });
  const committee = await createOrg({ parent: city, name: '示范测试党工委', levelLabel: '党工委' });
  const sibling = await createOrg({ parent: city, name: '示范测试兄弟党委', levelLabel: '党委' });
  const branch = await createOrg({ parent: committee, name: '示范测试支部' });
  const orgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const siblingAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: sibling.id }] });
  const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
  const program = await db.demoProgram.create({
    data: {
      ownerOrgId: city.id,
      title: '示范测试建设',
      startYear: 2026,
      years: 3,
      siteChecklists: DEFAULT_SITE_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
      beltChecklists: DEFAULT_BELT_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
      scoreSheet: DEFAULT_SCORE_SHEET.map((row) => ({ ...row })),
    },
  });
  const site = await db.demoSite.create({ data: { programId: program.id, organizationId: branch.id, name: '示范测试点', level: 'COUNTY' } });
  return { city, committee, sibling, branch, orgAdmin, committeeAdmin, siblingAdmin, secretary, program, site };
}

/** A stored file row as a fresh upload of `userId` (no bytes needed by these services). */
export function uploadedBy(userId: string, kind: 'IMAGE' | 'DOCUMENT' = 'IMAGE') {
  return db.storedFile.create({
    data: { kind, storageKey: `demo-${Date.now()}-${Math.random()}`, mimeType: kind === 'IMAGE' ? 'image/jpeg' : 'application/pdf', size: 10, sha256: 'x', originalName: kind === 'IMAGE' ? '现场.jpg' : '制度.pdf', uploadedById: userId },
  });
}
