import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { DEFAULT_SITE_CHECKLISTS } from '@/lib/demo/templates';
import { createOrg, createUser } from '../support/factories';

// The invariants of migration 0028 (示范点 / 示范带 / 结对共建): the database holds them whatever a service does.

async function programWithSites(count: number) {
  const city = await createOrg({ levelLabel: '市委' });
  const admin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const program = await db.demoProgram.create({ data: { ownerOrgId: city.id, title: `示范建设-${Date.now()}`, startYear: 2026, minSitesPerBelt: 3, createdById: admin.id } });
  const sites = [];
  for (let index = 0; index < count; index++) {
    const branch = await createOrg({ parent: city });
    sites.push(await db.demoSite.create({ data: { programId: program.id, organizationId: branch.id, name: `示范点${index + 1}` } }));
  }
  return { city, admin, program, sites };
}

async function uploaded(userId: string) {
  return db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `ev-${Date.now()}-${Math.random()}`, mimeType: 'image/jpeg', size: 10, sha256: 'x', originalName: '现场.jpg', uploadedById: userId } });
}

describe('示范建设 invariants (migration 0028)', () => {
  it('refuses a checklist item judged 达标 without evidence, at commit; with a photo it stands', async () => {
    const { admin, sites } = await programWithSites(1);
    const item = { siteId: sites[0]!.id, listKey: DEFAULT_SITE_CHECKLISTS[0]!.key, itemIndex: 0, itemName: '基本组织' };
    await expect(db.checklistItem.create({ data: { ...item, verdict: 'MET' } })).rejects.toThrow(/without evidence/);
    expect(await db.checklistItem.count({ where: { siteId: sites[0]!.id } })).toBe(0);
    const file = await uploaded(admin.id);
    // Verdict first, evidence second, in one transaction: checked at commit.
    await db.$transaction(async (tx) => {
      const created = await tx.checklistItem.create({ data: { ...item, verdict: 'MET', checkedById: admin.id, checkedAt: new Date() } });
      await tx.checklistEvidence.create({ data: { itemId: created.id, fileId: file.id } });
    });
    const saved = await db.checklistItem.findFirstOrThrow({ where: { siteId: sites[0]!.id } });
    // Removing the only evidence of a MET item is refused too.
    await expect(db.checklistEvidence.deleteMany({ where: { itemId: saved.id } })).rejects.toThrow(/without evidence/);
    // An item belongs to a site or a belt, not both and not neither.
    await expect(db.checklistItem.create({ data: { listKey: 'X', itemIndex: 0, itemName: '无主' } })).rejects.toThrow();
  });

  it('submits a belt for 立项 only with its minimum number of sites, and keeps it there', async () => {
    const { city, program, sites } = await programWithSites(3);
    const belt = await db.demoBelt.create({ data: { programId: program.id, ownerOrgId: city.id, name: '测试示范带', minSites: 3 } });
    await db.beltSite.createMany({ data: sites.slice(0, 2).map((site, index) => ({ beltId: belt.id, siteId: site.id, routeOrder: index + 1 })) });
    await expect(db.demoBelt.update({ where: { id: belt.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } })).rejects.toThrow(/fewer than 3 sites/);
    expect((await db.demoBelt.findUniqueOrThrow({ where: { id: belt.id } })).status).toBe('DRAFT');
    await db.beltSite.create({ data: { beltId: belt.id, siteId: sites[2]!.id, routeOrder: 3 } });
    await db.demoBelt.update({ where: { id: belt.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    await expect(db.beltSite.delete({ where: { beltId_siteId: { beltId: belt.id, siteId: sites[2]!.id } } })).rejects.toThrow(/fewer than 3 sites/);
    // Route order is unique on a belt.
    await expect(db.beltSite.update({ where: { beltId_siteId: { beltId: belt.id, siteId: sites[2]!.id } }, data: { routeOrder: 1 } })).rejects.toThrow();
  });

  it('keeps a pairing, a comment and a 摘牌 consistent', async () => {
    const { city, admin, sites } = await programWithSites(1);
    const brandOrg = await createOrg({ parent: city });
    const lagging = await createOrg({ parent: city });
    const base = { committeeOrgId: city.id, brandOrgId: brandOrg.id, goals: '帮助后进支部规范组织生活', startsOn: new Date('2026-03-01'), endsOn: new Date('2026-12-31') };
    await expect(db.pairing.create({ data: { ...base, kind: 'BRANCH' } })).rejects.toThrow();
    await expect(db.pairing.create({ data: { ...base, kind: 'BRANCH', partnerOrgId: brandOrg.id } })).rejects.toThrow();
    await expect(db.pairing.create({ data: { ...base, kind: 'ENTERPRISE', partnerName: '  ' } })).rejects.toThrow();
    await expect(db.pairing.create({ data: { ...base, kind: 'BRANCH', partnerOrgId: lagging.id, status: 'REVIEWED' } })).rejects.toThrow();
    await db.pairing.create({ data: { ...base, kind: 'BRANCH', partnerOrgId: lagging.id } });
    await db.pairing.create({ data: { ...base, kind: 'ENTERPRISE', partnerName: '星河物流有限公司' } });

    await expect(db.publicComment.create({ data: { siteId: sites[0]!.id, phoneHash: 'h', body: '好'.repeat(501) } })).rejects.toThrow();
    await expect(db.publicComment.create({ data: { siteId: sites[0]!.id, phoneHash: 'h', body: '很好', status: 'REJECTED', moderatedAt: new Date() } })).rejects.toThrow();
    await db.publicComment.create({ data: { siteId: sites[0]!.id, phoneHash: 'h', body: '希望周末也开放' } });

    await expect(db.demoSite.update({ where: { id: sites[0]!.id }, data: { status: 'REVOKED', revokedAt: new Date() } })).rejects.toThrow();
    await db.demoSite.update({ where: { id: sites[0]!.id }, data: { status: 'REVOKED', revokedAt: new Date(), revokeReason: '复查不达标', revokedById: admin.id } });
  });
});
