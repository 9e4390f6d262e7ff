import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { loadChecklist } from '@/lib/checklist/queries';
import { addChecklistEvidence, removeChecklistEvidence, setChecklistVerdict } from '@/lib/checklist/service';
import { canReadFile } from '@/lib/files/access';
import { assessDemoSite } from '@/lib/demo-site/assessment-service';
import { updateDemoProgram } from '@/lib/demo-site/program-service';
import { listDemoPrograms, loadDemoProgram, loadDemoSite } from '@/lib/demo-site/queries';
import { addDemoSitePhotos, createDemoSite, revokeDemoSite, updateDemoSite } from '@/lib/demo-site/site-service';
import { DEFAULT_BELT_CHECKLISTS, DEFAULT_SCORE_SHEET, DEFAULT_SITE_CHECKLISTS } from '@/lib/demo/templates';
import { createDemoSiteScope, uploadedBy } from '../support/demo-sites';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.20.0.1' });
const reader = async (userId: string) => ({ id: userId, roles: await loadGrants(db, userId) });
const item = (siteId: string, itemIndex = 0, listKey = 'FIVE_BASICS') => ({ subject: { siteId }, listKey, itemIndex });

describe('示范点 checklists', () => {
  it('MET needs evidence; the secretary adds evidence but gives no verdict; counts per list follow', async () => {
    const scope = await createDemoSiteScope();
    const site = scope.site.id;
    expect((await rejection(setChecklistVerdict({ ...item(site), verdict: 'MET' }, context(scope.committeeAdmin.id)))).message).toContain('须至少有一份佐证材料');

    const photo = await uploadedBy(scope.secretary.id);
    await addChecklistEvidence({ ...item(site), fileIds: [photo.id] }, context(scope.secretary.id));
    expect((await rejection(setChecklistVerdict({ ...item(site), verdict: 'MET' }, context(scope.secretary.id)))).code).toBe('FORBIDDEN');
    await setChecklistVerdict({ ...item(site), verdict: 'MET', note: '组织健全' }, context(scope.committeeAdmin.id));
    await setChecklistVerdict({ ...item(site, 1), verdict: 'NOT_MET', note: '队伍不全' }, context(scope.orgAdmin.id));

    // The last evidence of a MET item stays; the database refuses it too.
    expect((await rejection(removeChecklistEvidence({ ...item(site), fileId: photo.id }, context(scope.committeeAdmin.id)))).code).toBe('CONFLICT');
    const row = await db.checklistItem.findFirstOrThrow({ where: { siteId: site, listKey: 'FIVE_BASICS', itemIndex: 0 } });
    await expect(db.checklistEvidence.delete({ where: { itemId_fileId: { itemId: row.id, fileId: photo.id } } })).rejects.toThrow();
    await expect(db.checklistItem.create({ data: { siteId: site, listKey: 'SIX_HAVES', itemIndex: 0, itemName: '有场所', verdict: 'MET' } })).rejects.toThrow();

    const view = (await loadChecklist(await loadGrants(db, scope.committeeAdmin.id), { siteId: site }))!;
    expect(view.completeness).toEqual([
      { key: 'FIVE_BASICS', name: '五个基本', total: 5, met: 1, notMet: 1, pending: 3 },
      { key: 'SIX_HAVES', name: '六有', total: 6, met: 0, notMet: 0, pending: 6 },
    ]);
    expect(view.lists[0].items[0]).toMatchObject({ itemName: '基本组织', verdict: 'MET', note: '组织健全', evidence: [expect.objectContaining({ id: photo.id })] });
    expect(view.canJudge).toBe(true);
    expect((await loadChecklist(await loadGrants(db, scope.secretary.id), { siteId: site }))?.canJudge).toBe(false);
    expect(await loadChecklist(await loadGrants(db, scope.siblingAdmin.id), { siteId: site })).toBeNull();

    // Evidence: staff over the site and the secretary; not a sibling committee nor the public.
    expect(await canReadFile(await reader(scope.secretary.id), photo.id)).toBe('private');
    expect(await canReadFile(await reader(scope.orgAdmin.id), photo.id)).toBe('private');
    expect(await canReadFile(await reader(scope.siblingAdmin.id), photo.id)).toBe(false);
    expect(await canReadFile(null, photo.id)).toBe(false);

    const audits = await db.auditLog.findMany({ where: { entityId: row.id }, select: { action: true } });
    expect(audits.map((audit) => audit.action).sort()).toEqual(['add-checklist-evidence', 'set-checklist-verdict']);
  });

  it('refuses staff outside the subtree, an unknown item, another user’s upload, and a revoked site', async () => {
    const scope = await createDemoSiteScope();
    const site = scope.site.id;
    expect((await rejection(setChecklistVerdict({ ...item(site), verdict: 'NOT_MET' }, context(scope.siblingAdmin.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(setChecklistVerdict({ ...item(site, 9), verdict: 'NOT_MET' }, context(scope.committeeAdmin.id)))).code).toBe('NOT_FOUND');
    const foreign = await uploadedBy(scope.orgAdmin.id);
    expect((await rejection(addChecklistEvidence({ ...item(site), fileIds: [foreign.id] }, context(scope.committeeAdmin.id)))).message).toContain('不存在或已被使用');
    await revokeDemoSite({ siteId: site, reason: '阵地长期闲置' }, context(scope.committeeAdmin.id));
    expect((await rejection(setChecklistVerdict({ ...item(site), verdict: 'NOT_MET' }, context(scope.committeeAdmin.id)))).message).toContain('已摘牌');
  });

  it('parallel verdicts on one item end in one state, every change audited', async () => {
    const scope = await createDemoSiteScope();
    const site = scope.site.id;
    const photo = await uploadedBy(scope.committeeAdmin.id);
    await addChecklistEvidence({ ...item(site), fileIds: [photo.id] }, context(scope.committeeAdmin.id));
    const verdicts = ['MET', 'NOT_MET', 'MET', 'NOT_MET', 'PENDING', 'MET', 'NOT_MET', 'MET'] as const;
    const results = await Promise.allSettled(
      verdicts.map((verdict, index) => setChecklistVerdict({ ...item(site), verdict, note: `第${index}次` }, context(index % 2 ? scope.orgAdmin.id : scope.committeeAdmin.id))),
    );
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    const rows = await db.checklistItem.findMany({ where: { siteId: site } });
    expect(rows).toHaveLength(1);
    const audits = await db.auditLog.findMany({ where: { entityId: rows[0].id, action: 'set-checklist-verdict' }, orderBy: { createdAt: 'asc' }, select: { after: true } });
    expect(audits).toHaveLength(verdicts.length);
    const last = audits.at(-1)!.after as { verdict: string; note: string };
    expect({ verdict: rows[0].verdict, note: rows[0].note }).toEqual({ verdict: last.verdict, note: last.note });
  });

  it('editing a checklist renames items in place and refuses to drop one with a verdict', async () => {
    const scope = await createDemoSiteScope();
    const photo = await uploadedBy(scope.committeeAdmin.id);
    await addChecklistEvidence({ ...item(scope.site.id, 4), fileIds: [photo.id] }, context(scope.committeeAdmin.id));
    await setChecklistVerdict({ ...item(scope.site.id, 2), verdict: 'NOT_MET' }, context(scope.committeeAdmin.id));
    const fields = { programId: scope.program.id, title: '示范测试建设', startYear: 2026, years: 3, minSitesPerBelt: 8, beltChecklists: [...DEFAULT_BELT_CHECKLISTS].map((list) => ({ ...list, items: [...list.items] })), scoreSheet: [...DEFAULT_SCORE_SHEET] };
    const [basics, haves] = DEFAULT_SITE_CHECKLISTS;
    const shortened = { key: basics.key, name: basics.name, items: basics.items.slice(0, 4) };
    expect((await rejection(updateDemoProgram({ ...fields, siteChecklists: [shortened, { ...haves, items: [...haves.items] }] }, context(scope.orgAdmin.id)))).message).toContain('基本保障');
    expect((await rejection(updateDemoProgram({ ...fields, siteChecklists: [{ ...haves, items: [...haves.items] }] }, context(scope.orgAdmin.id)))).code).toBe('CONFLICT');
    expect((await rejection(updateDemoProgram({ ...fields, siteChecklists: [{ ...basics, items: [...basics.items] }] }, context(scope.committeeAdmin.id)))).code).toBe('FORBIDDEN');

    const renamed = { key: basics.key, name: basics.name, items: ['基本组织', '基本队伍', '基本制度建设', '基本活动', '基本保障', '基本作用'] };
    await updateDemoProgram({ ...fields, siteChecklists: [renamed, { name: '自选清单', items: ['有特色'] }] }, context(scope.orgAdmin.id));
    const view = (await loadChecklist(await loadGrants(db, scope.committeeAdmin.id), { siteId: scope.site.id }))!;
    expect(view.lists.map((list) => list.key)).toEqual(['FIVE_BASICS', 'L1']);
    expect(view.lists[0].items[2]).toMatchObject({ itemName: '基本制度建设', verdict: 'NOT_MET' });
    expect((await db.checklistItem.findFirstOrThrow({ where: { siteId: scope.site.id, itemIndex: 2 } })).itemName).toBe('基本制度建设');
  });
});

describe('示范点 records', () => {
  it('staff of the subtree create and edit sites with validated coordinates; the brand must be the organization’s', async () => {
    const scope = await createDemoSiteScope();
    const base = { programId: scope.program.id, organizationId: scope.branch.id, name: '新设示范点', level: 'CITY' as const, address: '某路 1 号' };
    expect((await rejection(createDemoSite({ ...base, latitude: 91, longitude: 120 }, context(scope.committeeAdmin.id)))).message).toContain('纬度');
    expect((await rejection(createDemoSite({ ...base, latitude: 31.2 }, context(scope.committeeAdmin.id)))).message).toContain('同时填写');
    expect((await rejection(createDemoSite(base, context(scope.siblingAdmin.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(createDemoSite(base, context(scope.secretary.id)))).code).toBe('FORBIDDEN');
    const otherBrand = await db.brand.create({ data: { organizationId: scope.sibling.id, name: '别家品牌' } });
    expect((await rejection(createDemoSite({ ...base, brandId: otherBrand.id }, context(scope.committeeAdmin.id)))).message).toContain('不属于该组织');

    const created = await createDemoSite({ ...base, latitude: 31.2345678, longitude: 121.4702 }, context(scope.committeeAdmin.id));
    await updateDemoSite({ siteId: created.id, ...base, name: '改名示范点', latitude: null, longitude: null }, context(scope.orgAdmin.id));
    const view = (await loadDemoSite(await loadGrants(db, scope.committeeAdmin.id), created.id))!;
    expect(view).toMatchObject({ name: '改名示范点', level: 'CITY', latitude: null, canManage: true });
    expect(await loadDemoSite(await loadGrants(db, scope.siblingAdmin.id), created.id)).toBeNull();
    const program = (await loadDemoProgram(await loadGrants(db, scope.committeeAdmin.id), scope.program.id))!;
    expect(program.sites.map((site) => site.name).sort()).toEqual(['改名示范点', '示范测试点']);
    expect(program.canManage).toBe(false);

    // The branch secretary reaches the program through the sites of their organization only (photos and evidence).
    const elsewhere = await createDemoSite({ ...base, organizationId: scope.committee.id, name: '党工委示范点' }, context(scope.committeeAdmin.id));
    const secretaryGrants = await loadGrants(db, scope.secretary.id);
    expect((await listDemoPrograms(secretaryGrants)).map((row) => row.id)).toEqual([scope.program.id]);
    const seen = (await loadDemoProgram(secretaryGrants, scope.program.id))!;
    expect(seen.sites.map((site) => site.id)).not.toContain(elsewhere.id);
    expect(seen.sites).toHaveLength(2);
    expect(await loadDemoProgram(await loadGrants(db, scope.siblingAdmin.id), scope.program.id)).not.toBeNull();
    expect((await loadDemoProgram(await loadGrants(db, scope.siblingAdmin.id), scope.program.id))!.sites).toEqual([]);
  });

  it('photos are public while the site is ACTIVE; 摘牌 needs a reason and takes them back at once', async () => {
    const scope = await createDemoSiteScope();
    const photo = await uploadedBy(scope.secretary.id);
    const document = await uploadedBy(scope.secretary.id, 'DOCUMENT');
    expect((await rejection(addDemoSitePhotos({ siteId: scope.site.id, fileIds: [document.id] }, context(scope.secretary.id)))).message).toContain('只能是图片');
    await addDemoSitePhotos({ siteId: scope.site.id, fileIds: [photo.id] }, context(scope.secretary.id));
    expect(await canReadFile(null, photo.id)).toBe('public');

    expect((await rejection(revokeDemoSite({ siteId: scope.site.id, reason: '' }, context(scope.committeeAdmin.id)))).message).toContain('理由');
    expect((await rejection(revokeDemoSite({ siteId: scope.site.id, reason: '阵地长期闲置' }, context(scope.secretary.id)))).code).toBe('FORBIDDEN');
    await revokeDemoSite({ siteId: scope.site.id, reason: '阵地长期闲置' }, context(scope.committeeAdmin.id));
    expect(await canReadFile(null, photo.id)).toBe(false);
    expect(await canReadFile(await reader(scope.secretary.id), photo.id)).toBe('private');
    expect(await db.demoSite.findUniqueOrThrow({ where: { id: scope.site.id } })).toMatchObject({ status: 'REVOKED', revokeReason: '阵地长期闲置', revokedById: scope.committeeAdmin.id });
    expect((await rejection(revokeDemoSite({ siteId: scope.site.id, reason: '阵地长期闲置' }, context(scope.orgAdmin.id)))).code).toBe('CONFLICT');
  });
});

describe('示范点 yearly assessment', () => {
  it('scores are checked against the sheet, the total is computed, re-assessing adds a version', async () => {
    const scope = await createDemoSiteScope();
    const site = scope.site.id;
    expect((await rejection(assessDemoSite({ siteId: site, year: 2026, scores: [21, 18, 18, 17, 19] }, context(scope.committeeAdmin.id)))).message).toContain('组织建设');
    expect((await rejection(assessDemoSite({ siteId: site, year: 2026, scores: [18, 18] }, context(scope.committeeAdmin.id)))).message).toContain('逐项打分');
    expect((await rejection(assessDemoSite({ siteId: site, year: 2030, scores: [18, 18, 18, 17, 19] }, context(scope.committeeAdmin.id)))).message).toContain('2026 至 2028');
    expect((await rejection(assessDemoSite({ siteId: site, year: 2026, scores: [18, 18, 18, 17, 19] }, context(scope.siblingAdmin.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(assessDemoSite({ siteId: site, year: 2026, scores: [18, 18, 18, 17, 19] }, context(scope.secretary.id)))).code).toBe('FORBIDDEN');

    const first = await assessDemoSite({ siteId: site, year: 2026, scores: [18, 18, 18, 17, 19], comment: '初评' }, context(scope.committeeAdmin.id));
    expect(first).toMatchObject({ version: 1, total: 90 });
    const parallel = await Promise.all([
      assessDemoSite({ siteId: site, year: 2026, scores: [19, 19, 19, 19, 19] }, context(scope.orgAdmin.id)),
      assessDemoSite({ siteId: site, year: 2026, scores: [20, 20, 20, 20, 20] }, context(scope.committeeAdmin.id)),
    ]);
    expect(parallel.map((result) => result.version).sort()).toEqual([2, 3]);
    await assessDemoSite({ siteId: site, year: 2027, scores: [10, 10, 10, 10, 10] }, context(scope.committeeAdmin.id));

    const view = (await loadDemoSite(await loadGrants(db, scope.committeeAdmin.id), site))!;
    expect(view.assessments.map((row) => [row.year, row.version])).toEqual([[2027, 1], [2026, 3], [2026, 2], [2026, 1]]);
    expect(view.assessments.at(-1)).toMatchObject({ total: 90, comment: '初评', criteria: DEFAULT_SCORE_SHEET });
    const program = (await loadDemoProgram(await loadGrants(db, scope.orgAdmin.id), scope.program.id))!;
    expect(program.sites[0].latest).toEqual({ year: 2027, version: 1, total: 50 });
  });
});
