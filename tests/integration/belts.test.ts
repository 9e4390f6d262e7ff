import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { BELT_FACTORS } from '@/lib/demo/templates';
import { closeImprovementItem, createImprovementItem } from '@/lib/belt/improvement-service';
import { addBeltSite, createBelt, decideBelt, moveBeltSite, removeBeltSite, saveBelt, submitBelt } from '@/lib/belt/service';
import { notifyImprovementReminders } from '@/lib/worker/improvement-reminders';
import { createOrg, createUser } from '../support/factories';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { EAST_BELT_NAME, seedDemoBelts, WEST_BELT_NAME } from '../../prisma/seed/demo-belts';

// 示范带 (issue 20): the minimum of sites held by the service and under parallel changes, the route order, the
// 问题清单 overdue reminder, and scope by subtree.

async function world(siteCount = 9, minSites = 8) {
  const city = await createOrg({ levelLabel: '市委' });
  const district = await createOrg({ parent: city, levelLabel: '区委' });
  const sibling = await createOrg({ parent: city, levelLabel: '区委' });
  const orgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const committee = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: district.id }] });
  const siblingCommittee = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: sibling.id }] });
  const program = await db.demoProgram.create({
    data: { ownerOrgId: city.id, title: `示范建设-${Date.now()}`, startYear: 2026, years: 3, minSitesPerBelt: minSites, beltFactors: [...BELT_FACTORS], createdById: orgAdmin.id },
  });
  const sites = [];
  for (let index = 0; index < siteCount; index++) {
    const branch = await createOrg({ parent: district });
    sites.push(await db.demoSite.create({ data: { programId: program.id, organizationId: branch.id, name: `示范点${index + 1}` } }));
  }
  const branchSecretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: sites[0]!.organizationId }] });
  const outside = await db.demoSite.create({ data: { programId: program.id, organizationId: (await createOrg({ parent: sibling })).id, name: '兄弟区的示范点' } });
  const ctx = (user: { id: string }) => ({ actorId: user.id, ip: '127.0.0.1' });
  const belt = await createBelt({ programId: program.id, ownerOrgId: district.id, name: '测试示范带' }, ctx(committee));
  return { city, district, sibling, orgAdmin, committee, siblingCommittee, branchSecretary, program, sites, outside, belt, ctx };
}

async function fillFactors(w: Awaited<ReturnType<typeof world>>) {
  const belt = await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } });
  await saveBelt(
    { beltId: w.belt.id, revision: belt.updatedAt.toISOString(), name: '测试示范带', factors: Object.fromEntries(BELT_FACTORS.map((factor) => [factor, `${factor}说明`])), plan: [] },
    w.ctx(w.committee),
  );
}

const route = async (beltId: string) =>
  (await db.beltSite.findMany({ where: { beltId }, orderBy: { routeOrder: 'asc' }, select: { routeOrder: true, site: { select: { name: true } } } })).map((stop) => `${stop.routeOrder}:${stop.site.name}`);

describe('示范带 立项 and route', () => {
  it('refuses to submit below the minimum with the number missing, then submits and the owner approves', async () => {
    const w = await world();
    await fillFactors(w);
    for (const site of w.sites.slice(0, 6)) await addBeltSite({ beltId: w.belt.id, siteId: site.id }, w.ctx(w.committee));
    await expect(submitBelt({ beltId: w.belt.id }, w.ctx(w.committee))).rejects.toThrow(/还差 2 个示范点/);
    for (const site of w.sites.slice(6, 8)) await addBeltSite({ beltId: w.belt.id, siteId: site.id }, w.ctx(w.committee));
    // The committee may not approve its own belt; the program's organization department does.
    await submitBelt({ beltId: w.belt.id }, w.ctx(w.committee));
    await expect(decideBelt({ beltId: w.belt.id, decision: 'approve' }, w.ctx(w.committee))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideBelt({ beltId: w.belt.id, decision: 'return' }, w.ctx(w.orgAdmin))).rejects.toThrow(/理由/);
    await decideBelt({ beltId: w.belt.id, decision: 'approve' }, w.ctx(w.orgAdmin));
    expect((await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } })).status).toBe('APPROVED');
    // An approved belt keeps its minimum: removing one of eight is refused, after adding a ninth it is allowed.
    await expect(removeBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.committee))).rejects.toThrow(/不能少于 8 个/);
    await addBeltSite({ beltId: w.belt.id, siteId: w.sites[8]!.id }, w.ctx(w.committee));
    await removeBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.committee));
    expect(await route(w.belt.id)).toEqual(w.sites.slice(1, 9).map((site, index) => `${index + 1}:${site.name}`));
    expect(await db.notification.count({ where: { recipientId: w.orgAdmin.id, kind: 'BELT_SUBMITTED' } })).toBe(1);
    expect(await db.notification.count({ where: { recipientId: w.committee.id, kind: 'BELT_APPROVED' } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: w.belt.id, action: { in: ['submit-belt', 'approve-belt', 'add-belt-site', 'remove-belt-site'] } } })).toBe(12);
  });

  it('parallel removals and a submission around the minimum: the belt never stands submitted below it', async () => {
    for (let round = 0; round < 5; round++) {
      const w = await world(8);
      await fillFactors(w);
      for (const site of w.sites) await addBeltSite({ beltId: w.belt.id, siteId: site.id }, w.ctx(w.committee));
      const results = await Promise.allSettled([
        submitBelt({ beltId: w.belt.id }, w.ctx(w.committee)),
        removeBeltSite({ beltId: w.belt.id, siteId: w.sites[3]!.id }, w.ctx(w.committee)),
        removeBeltSite({ beltId: w.belt.id, siteId: w.sites[5]!.id }, w.ctx(w.committee)),
      ]);
      const belt = await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id }, include: { _count: { select: { sites: true } } } });
      if (belt.status === 'SUBMITTED') {
        expect(belt._count.sites).toBe(8);
        expect(results.slice(1).every((result) => result.status === 'rejected')).toBe(true);
      } else {
        expect(results[0]!.status).toBe('rejected');
        expect(belt._count.sites).toBeLessThan(8);
      }
      const orders = (await db.beltSite.findMany({ where: { beltId: w.belt.id }, orderBy: { routeOrder: 'asc' } })).map((stop) => stop.routeOrder);
      expect(orders).toEqual(orders.map((_, index) => index + 1));
    }
  });

  it('parallel adds while submitting count every site once and keep route numbers 1…n', async () => {
    const w = await world(10);
    await fillFactors(w);
    for (const site of w.sites.slice(0, 7)) await addBeltSite({ beltId: w.belt.id, siteId: site.id }, w.ctx(w.committee));
    await Promise.allSettled([
      ...w.sites.slice(7).map((site) => addBeltSite({ beltId: w.belt.id, siteId: site.id }, w.ctx(w.committee))),
      submitBelt({ beltId: w.belt.id }, w.ctx(w.committee)),
    ]);
    const orders = (await db.beltSite.findMany({ where: { beltId: w.belt.id }, orderBy: { routeOrder: 'asc' } })).map((stop) => stop.routeOrder);
    expect(orders).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const belt = await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } });
    // Submitted only if it saw at least eight (the lock orders it after at least one add).
    expect(['SUBMITTED', 'DRAFT']).toContain(belt.status);
  });

  it('reorders the route with unique numbers, also under parallel moves', async () => {
    const w = await world(4);
    for (const site of w.sites) await addBeltSite({ beltId: w.belt.id, siteId: site.id }, w.ctx(w.committee));
    await moveBeltSite({ beltId: w.belt.id, siteId: w.sites[3]!.id, direction: 'up' }, w.ctx(w.committee));
    await moveBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id, direction: 'down' }, w.ctx(w.committee));
    expect(await route(w.belt.id)).toEqual(['1:示范点2', '2:示范点1', '3:示范点4', '4:示范点3']);
    await expect(moveBeltSite({ beltId: w.belt.id, siteId: w.sites[1]!.id, direction: 'up' }, w.ctx(w.committee))).rejects.toThrow(/第一站/);
    await removeBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.committee));
    expect(await route(w.belt.id)).toEqual(['1:示范点2', '2:示范点4', '3:示范点3']);
    await Promise.allSettled(Array.from({ length: 6 }, (_, index) => moveBeltSite({ beltId: w.belt.id, siteId: w.sites[index % 2 ? 3 : 2]!.id, direction: index % 3 ? 'up' : 'down' }, w.ctx(w.committee))));
    const orders = (await db.beltSite.findMany({ where: { beltId: w.belt.id }, orderBy: { routeOrder: 'asc' } })).map((stop) => stop.routeOrder);
    expect(orders).toEqual([1, 2, 3]);
  });

  it('refuses sites outside the owner subtree, revoked sites, and people outside the subtree', async () => {
    const w = await world(2);
    await expect(addBeltSite({ beltId: w.belt.id, siteId: w.outside.id }, w.ctx(w.committee))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await db.demoSite.update({ where: { id: w.sites[1]!.id }, data: { status: 'REVOKED', revokedAt: new Date(), revokeReason: '复查不达标' } });
    await expect(addBeltSite({ beltId: w.belt.id, siteId: w.sites[1]!.id }, w.ctx(w.committee))).rejects.toThrow(/摘牌/);
    await expect(addBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.siblingCommittee))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.branchSecretary))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createBelt({ programId: w.program.id, ownerOrgId: w.district.id, name: '越权示范带' }, w.ctx(w.siblingCommittee))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitBelt({ beltId: w.belt.id }, w.ctx(w.siblingCommittee))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The organization department over the program manages it too.
    await addBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.orgAdmin));
    expect(await route(w.belt.id)).toEqual(['1:示范点1']);
  });

  it('saves the 立项 content and plan with an optimistic revision, and locks the content once submitted', async () => {
    const w = await world(1, 1);
    const first = await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } });
    const plan = [{ year: 2026, milestones: '建成 8 个示范点', done: true }, { year: 2027, milestones: '创品牌', done: false }];
    const saved = await saveBelt({ beltId: w.belt.id, revision: first.updatedAt.toISOString(), name: '新名称', factors: { 党建基础: '扎实' }, plan }, w.ctx(w.committee));
    await expect(saveBelt({ beltId: w.belt.id, revision: first.updatedAt.toISOString(), name: '旧窗口', plan }, w.ctx(w.committee))).rejects.toThrow(/另一个窗口/);
    const belt = await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } });
    expect(belt.name).toBe('新名称');
    expect(belt.plan).toEqual([...plan, { year: 2028, milestones: '', done: false }]);
    expect((belt.factors as Record<string, string>)['党建基础']).toBe('扎实');
    await expect(submitBelt({ beltId: w.belt.id }, w.ctx(w.committee))).rejects.toThrow(/还差 1 个示范点/);
    await addBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.committee));
    await expect(submitBelt({ beltId: w.belt.id }, w.ctx(w.committee))).rejects.toThrow(/立项要素：品牌定位/);
    const factors = Object.fromEntries(BELT_FACTORS.map((factor) => [factor, `${factor}说明`]));
    const next = await saveBelt({ beltId: w.belt.id, revision: saved.revision, name: '新名称', factors, plan }, w.ctx(w.committee));
    await submitBelt({ beltId: w.belt.id }, w.ctx(w.committee));
    const submitted = await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } });
    expect(next.revision).not.toBe(submitted.updatedAt.toISOString());
    await expect(saveBelt({ beltId: w.belt.id, revision: submitted.updatedAt.toISOString(), name: '改名', factors, plan }, w.ctx(w.committee))).rejects.toThrow(/不能再修改/);
    // The plan's milestones stay editable.
    await saveBelt({ beltId: w.belt.id, revision: submitted.updatedAt.toISOString(), name: '新名称', factors, plan: [{ year: 2027, milestones: '创品牌', done: true }] }, w.ctx(w.committee));
    expect(((await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id } })).plan as { done: boolean }[]).map((row) => row.done)).toEqual([false, true, false]);
  });
});

async function evidence(userId: string) {
  return db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `ev-${Date.now()}-${Math.random()}`, mimeType: 'image/jpeg', size: 10, sha256: 'x', originalName: '整改.jpg', uploadedById: userId } });
}

describe('问题清单 / 提升清单', () => {
  it('reminds an overdue item exactly once from 08:00 the day after its due day, with two parallel scans, and not after closing', async () => {
    const w = await world(2);
    await addBeltSite({ beltId: w.belt.id, siteId: w.sites[0]!.id }, w.ctx(w.committee));
    const owner = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: w.sites[0]!.organizationId }] });
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const item = await createImprovementItem({ beltId: w.belt.id, kind: 'PROBLEM', title: '线路标识不统一', ownerName: '王书记', ownerUserId: owner.id, dueOn: tomorrow }, w.ctx(w.committee));
    const siteItem = await createImprovementItem({ siteId: w.sites[0]!.id, kind: 'IMPROVEMENT', title: '增设休息区', ownerName: '李主任', dueOn: tomorrow }, w.ctx(w.committee));
    const dueDay = Date.parse(`${tomorrow}T00:00:00+08:00`);
    const notices = (userId: string) => db.notification.findMany({ where: { recipientId: userId, kind: 'IMPROVEMENT_OVERDUE' }, select: { dedupeKey: true } });
    // On the due day itself, and at 07:59 the day after: nothing.
    await notifyImprovementReminders(new Date(dueDay + 20 * 3_600_000));
    await notifyImprovementReminders(new Date(dueDay + 86_400_000 + 7 * 3_600_000 + 59 * 60_000));
    expect(await notices(owner.id)).toEqual([]);
    const after = new Date(dueDay + 86_400_000 + 8 * 3_600_000);
    await Promise.all([notifyImprovementReminders(after), notifyImprovementReminders(after)]);
    await notifyImprovementReminders(new Date(after.getTime() + 3 * 86_400_000));
    const dayAfter = new Date(dueDay + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await notices(owner.id)).map((notice) => notice.dedupeKey)).toEqual([`improvement-overdue:${item.id}:${dayAfter}`]);
    expect((await notices(w.committee.id)).map((notice) => notice.dedupeKey).sort()).toEqual([`improvement-overdue:${item.id}:${dayAfter}`, `improvement-overdue:${siteItem.id}:${dayAfter}`].sort());
    // A closed item is no longer reminded.
    const later = await createImprovementItem({ beltId: w.belt.id, kind: 'PROBLEM', title: '宣传栏破损', ownerName: '王书记', ownerUserId: owner.id, dueOn: tomorrow }, w.ctx(w.committee));
    await closeImprovementItem({ itemId: later.id, closureNote: '已更换宣传栏', evidenceFileIds: [(await evidence(w.committee.id)).id] }, w.ctx(w.committee));
    await notifyImprovementReminders(new Date(after.getTime() + 60_000));
    expect(await notices(owner.id)).toHaveLength(1);
  });

  it('parallel closes of one item end in one state; closing needs a note and unused files of the closer', async () => {
    const w = await world(1);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await expect(createImprovementItem({ beltId: w.belt.id, kind: 'PROBLEM', title: '过去的事项', ownerName: '王', dueOn: '2020-01-01' }, w.ctx(w.committee))).rejects.toThrow(/不能早于今天/);
    await expect(createImprovementItem({ beltId: w.belt.id, kind: 'PROBLEM', title: '越权', ownerName: '王', dueOn: today }, w.ctx(w.siblingCommittee))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createImprovementItem({ beltId: w.belt.id, kind: 'PROBLEM', title: '外人', ownerName: '王', ownerUserId: w.siblingCommittee.id, dueOn: today }, w.ctx(w.committee))).rejects.toThrow(/提醒账号/);
    const item = await createImprovementItem({ beltId: w.belt.id, kind: 'PROBLEM', title: '党建长廊照明不足', ownerName: '王书记', dueOn: today }, w.ctx(w.committee));
    const foreign = await evidence(w.orgAdmin.id);
    await expect(closeImprovementItem({ itemId: item.id, closureNote: '已整改', evidenceFileIds: [foreign.id] }, w.ctx(w.committee))).rejects.toThrow(/已被使用/);
    await expect(closeImprovementItem({ itemId: item.id, closureNote: '已整改', evidenceFileIds: [(await evidence(w.committee.id)).id] }, w.ctx(w.siblingCommittee))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const files = await Promise.all(Array.from({ length: 4 }, () => evidence(w.committee.id)));
    const results = await Promise.allSettled(files.map((file, index) => closeImprovementItem({ itemId: item.id, closureNote: `整改说明${index}`, evidenceFileIds: [file.id] }, w.ctx(w.committee))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').every((result) => /已经销号/.test(String((result as PromiseRejectedResult).reason)))).toBe(true);
    const closed = await db.improvementItem.findUniqueOrThrow({ where: { id: item.id }, include: { evidence: true } });
    expect(closed.status).toBe('CLOSED');
    expect(closed.evidence).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: item.id, action: 'close-improvement-item' } })).toBe(1);
  });
});

describe('demo belts', () => {
  it('seeds 东城红色示范带 approved with its eight sites and 西城 as a draft short of sites, with 问题/提升清单 items, once', async () => {
    await seedDemoCity(db);
    await seedDemoBelts(db);
    const belts = await db.demoBelt.findMany({
      where: { name: { in: [EAST_BELT_NAME, WEST_BELT_NAME] } },
      select: { name: true, status: true, plan: true, ownerOrg: { select: { code: true } }, _count: { select: { sites: true } }, improvementItems: { select: { status: true, dueOn: true, evidence: true } } },
      orderBy: { name: 'asc' },
    });
    expect(belts.map((belt) => [belt.name, belt.ownerOrg.code, belt.status, belt._count.sites])).toEqual(
      [
        [EAST_BELT_NAME, 'SF-DC', 'APPROVED', 8],
        [WEST_BELT_NAME, 'SF-XC', 'DRAFT', 5],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const east = belts.find((belt) => belt.name === EAST_BELT_NAME)!;
    expect((east.plan as { year: number; done: boolean }[]).map((row) => [row.year, row.done])).toEqual([[2026, true], [2027, false], [2028, false]]);
    const today = new Date(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`);
    expect(east.improvementItems.filter((item) => item.status === 'OPEN' && item.dueOn < today)).toHaveLength(1);
    expect(east.improvementItems.filter((item) => item.status === 'CLOSED' && item.evidence.length === 1)).toHaveLength(1);
    const before = await db.improvementItem.count();
    await seedDemoBelts(db);
    expect(await db.improvementItem.count()).toBe(before);
    expect(await db.demoBelt.count({ where: { name: { in: [EAST_BELT_NAME, WEST_BELT_NAME] } } })).toBe(2);
    // The 西城 belt cannot be submitted: 还差 3 个示范点.
    const west = await db.demoBelt.findFirstOrThrow({ where: { name: WEST_BELT_NAME }, select: { id: true } });
    const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' } });
    await expect(submitBelt({ beltId: west.id }, { actorId: admin.id })).rejects.toThrow(/还差 3 个示范点/);
  });
});
