import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadAuditNames } from '@/lib/audit-log/names';
import { listAuditLogs, type TAuditEntry } from '@/lib/audit-log/queries';
import { ZAuditFilters } from '@/lib/audit-log/schema';
import { formatDateTime } from '@/lib/format';
import { updateOrganization } from '@/lib/organization/service';
import { signDecision } from '@/lib/review/decisions';
import { assignRole, removeRole } from '@/lib/user/role-service';
import { createOrg, createUser } from '../support/factories';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { createListedScope, openStage } from '../support/reviews';

describe('audit log page data', () => {
  it('reads real operations in Chinese: labels, object names and field-by-field changes, with the raw record kept', async () => {
    const scope = await createListedScope(2);
    const admin = { actorId: scope.cityAdmin.id, ip: '10.20.30.40' };
    const [first, second] = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, orderBy: { brandName: 'asc' }, select: { id: true, brandName: true } });
    const award = await db.award.findFirstOrThrow({ where: { campaignId: scope.campaign.id, fieldId: null }, orderBy: { sortOrder: 'asc' }, select: { id: true, name: true } });

    // 1. Sign a 部务会初评 that gives the first entry the first award, as proposed.
    const decision = await db.decision.create({
      data: {
        campaignId: scope.campaign.id,
        kind: 'PRELIMINARY',
        version: 1,
        meetingDate: new Date('2026-11-20T00:00:00Z'),
        attendees: '部长、副部长',
        items: {
          create: [
            { applicationId: first.id, rank: 1, score: 90, awards: { create: [{ awardId: award.id, isDecided: true, isProposed: true }] } },
            { applicationId: second.id, rank: 2, score: 80 },
          ],
        },
      },
      select: { id: true },
    });
    await openStage(scope.campaign.id, 'DELIBERATION');
    await signDecision({ decisionId: decision.id }, admin);

    // 2. Change an organization: new name, member count and secretary.
    const branch = await createOrg({ parent: scope.committee, name: '审计测试第一支部' });
    const row = await db.organization.findUniqueOrThrow({ where: { id: branch.id } });
    await updateOrganization(
      { id: branch.id, name: '审计测试第一党支部', shortName: row.shortName, code: row.code, levelLabel: row.levelLabel, field: row.field, memberCount: 36, secretaryName: '王书记', secretaryPhone: row.secretaryPhone },
      admin,
    );

    // 3. Give someone a role there and take it away again (the removed assignment is named from the record).
    const secretary = await createUser({ roles: [{ role: 'MEMBER', organizationId: branch.id }] });
    await assignRole({ userId: secretary.id, role: 'BRANCH_SECRETARY', organizationId: branch.id }, admin);
    await removeRole({ userId: secretary.id, role: 'BRANCH_SECRETARY', organizationId: branch.id }, admin);

    const result = await listAuditLogs({ paths: [scope.city.path], includeSystem: false }, ZAuditFilters.parse({ actor: scope.cityAdmin.loginName }));
    const entry = (action: string, entityId: string): TAuditEntry => result.rows.find((candidate) => candidate.raw.action === action && candidate.raw.entityId === entityId)!;
    const signedAt = (await db.decision.findUniqueOrThrow({ where: { id: decision.id }, select: { signedAt: true } })).signedAt!;
    const actorName = `${scope.cityAdmin.displayName}（${scope.cityAdmin.loginName}）`;

    const signed = entry('sign-decision', decision.id);
    expect(signed).toMatchObject({ actorName, ip: '10.20.30.40', actionLabel: '签署初评/审定', entityLabel: '初评/审定', entityName: `${scope.campaign.title} · 部务会初评 第 1 版` });
    expect(signed.changes).toEqual([
      { label: '奖项', before: null, after: `“${first.brandName}”：${award.name}` },
      { label: '类型', before: null, after: '部务会初评' },
      { label: '版本', before: null, after: '1' },
      { label: '签署时间', before: null, after: formatDateTime(signedAt) },
    ]);
    expect(signed.raw).toMatchObject({ action: 'sign-decision', entityType: 'Decision', after: { awards: [[first.id, award.id]] } });

    const changed = entry('update-organization', branch.id);
    expect(changed).toMatchObject({ actionLabel: '修改组织', entityLabel: '组织', entityName: '审计测试第一党支部' });
    expect(changed.changes).toEqual([
      { label: '上级组织', before: null, after: scope.committee.name, isContext: true },
      { label: '名称', before: '审计测试第一支部', after: '审计测试第一党支部' },
      { label: '党员人数', before: String(row.memberCount), after: '36' },
      { label: '书记', before: row.secretaryName ?? '（空）', after: '王书记' },
    ]);

    const granted = result.rows.find((candidate) => candidate.raw.action === 'assign-role' && candidate.raw.entityType === 'RoleAssignment')!;
    const removed = result.rows.find((candidate) => candidate.raw.action === 'remove-role' && candidate.raw.entityType === 'RoleAssignment')!;
    const roleName = `${secretary.displayName} · 支部书记（审计测试第一党支部）`;
    expect(granted).toMatchObject({ actionLabel: '分配角色', entityLabel: '角色', entityName: roleName });
    expect(granted.changes).toEqual([
      { label: '用户', before: null, after: secretary.displayName },
      { label: '角色', before: null, after: '支部书记' },
      { label: '组织', before: null, after: '审计测试第一党支部' },
    ]);
    expect(removed).toMatchObject({ actionLabel: '移除角色', entityName: roleName });
    expect(removed.changes.map((change) => [change.label, change.before, change.after])).toEqual([
      ['用户', secretary.displayName, null],
      ['角色', '支部书记', null],
      ['组织', '审计测试第一党支部', null],
    ]);

    // Nothing the page shows is an English key or a raw id.
    const shown = result.rows.flatMap((item) => [item.actionLabel, item.entityLabel, item.entityName ?? '', ...item.changes.flatMap((change) => [change.label, change.before ?? '', change.after ?? ''])]).join('\n');
    expect(shown).not.toMatch(/\b[a-z]+(-[a-z]+)+\b|\b[A-Z][a-z]+[A-Z]\w*\b|\bc[a-z0-9]{20,}\b/);
    expect(result.actions).toEqual(expect.arrayContaining([{ value: 'sign-decision', label: '签署初评/审定' }]));
  });

  it('names every row of a page from one batch of lookups', async () => {
    const scope = await createListedScope(1);
    const admin = { actorId: scope.cityAdmin.id, ip: null };
    for (let index = 0; index < 12; index++) {
      const org = await createOrg({ parent: scope.committee, name: `批量改名支部${index}` });
      const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
      await updateOrganization({ id: org.id, name: `批量改名党支部${index}`, shortName: null, code: row.code, levelLabel: row.levelLabel, field: row.field, memberCount: 1, secretaryName: null, secretaryPhone: null }, admin);
    }
    const result = await listAuditLogs({ paths: [scope.city.path], includeSystem: false }, ZAuditFilters.parse({ actor: scope.cityAdmin.loginName, action: 'update-organization' }));
    expect(result.rows).toHaveLength(12);
    expect(result.rows.map((item) => item.entityName)).toEqual(Array.from({ length: 12 }, (_, index) => `批量改名党支部${11 - index}`));
  });
});

describe('audit log names of 示范建设 records', () => {
  it('names sites, belts, checklist items, comments, pairings and events from their rows', async () => {
    await seedDemoCity(db);
    // The demo city's own records (codes SF…): other test files add sites and events of their own at the same time.
    const demo = { code: { startsWith: 'SF' } };
    const item = await db.checklistItem.findFirstOrThrow({ where: { site: { organization: demo } }, orderBy: { id: 'asc' }, select: { id: true, itemName: true, site: { select: { id: true, name: true } } } });
    const site = item.site!;
    const belt = await db.demoBelt.findFirstOrThrow({ where: { ownerOrg: demo }, orderBy: { id: 'asc' }, select: { id: true, name: true } });
    const pairing = await db.pairing.findFirstOrThrow({ where: { brandOrg: demo }, orderBy: { id: 'asc' }, select: { id: true, brandOrg: { select: { name: true } } } });
    const event = await db.promotionEvent.findFirstOrThrow({ where: { ownerOrg: demo }, orderBy: { id: 'asc' }, select: { id: true, title: true } });
    const rows = [
      { entityType: 'DemoSite', entityId: site.id },
      { entityType: 'DemoBelt', entityId: belt.id },
      { entityType: 'ChecklistItem', entityId: item.id },
      { entityType: 'Pairing', entityId: pairing.id },
      { entityType: 'PromotionEvent', entityId: event.id },
    ].map((row) => ({ ...row, before: null, after: null }));
    const { entityName } = await loadAuditNames(rows);
    const [siteName, beltName, itemName, pairingName, eventName] = rows.map(entityName);
    expect(siteName).toBe(site.name);
    expect(beltName).toBe(belt.name);
    expect(itemName).toBe(`${site.name} · ${item.itemName}`);
    expect(pairingName?.startsWith(`${pairing.brandOrg.name} 与 `)).toBe(true);
    expect(pairingName?.endsWith(' 结对共建')).toBe(true);
    expect(eventName?.startsWith(`${event.title}（`)).toBe(true);
    expect(eventName).toMatch(/（\d{4}年\d{1,2}月\d{1,2}日）$/);
  });
});
