import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listDeclarations } from '@/lib/application/queries';
import { createAnotherDraft, getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { loadGrants } from '@/lib/application/access';
import { completeValues, createDeclarationScope, setDeclarationWindow } from '../support/declarations';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.18.9' });

async function applicationsOf(campaignId: string, organizationId: string) {
  return db.application.findMany({ where: { campaignId, organizationId }, select: { id: true, slot: true }, orderBy: { slot: 'asc' } });
}

describe('allowMultipleApplications', () => {
  it('off (the default): twelve parallel first visits and requests for another leave exactly one application', async () => {
    const scope = await createDeclarationScope();
    const input = { campaignId: scope.campaign.id, organizationId: scope.branchA.id };
    const as = context(scope.secretaryA.id);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 6 }, () => getOrCreateDraft(input, as)),
      ...Array.from({ length: 6 }, () => createAnotherDraft(input, as)),
    ]);
    const created = new Set(outcomes.slice(0, 6).map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.id : 'refused')));
    const rows = await applicationsOf(scope.campaign.id, scope.branchA.id);
    expect(rows).toEqual([{ id: [...created][0], slot: 1 }]);
    expect(created.size).toBe(1);
    for (const outcome of outcomes.slice(6)) {
      expect(outcome.status).toBe('rejected');
      expect(outcome.status === 'rejected' && (outcome.reason as Error).message).toBe('本活动每个组织只能申报一个品牌');
    }
    expect(await db.auditLog.count({ where: { entityId: rows[0].id, action: 'create-application' } })).toBe(1);
  });

  it('off: the database itself refuses a second application of the organization', async () => {
    const scope = await createDeclarationScope();
    const { id } = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, context(scope.secretaryA.id));
    const insert = db.$executeRaw`
      INSERT INTO applications (id, campaign_id, organization_id, slot, updated_at) VALUES (${`${id}-2`}, ${scope.campaign.id}, ${scope.branchA.id}, 2, now())`;
    await expect(insert).rejects.toThrow(/allows one application per organization/);
    expect(await applicationsOf(scope.campaign.id, scope.branchA.id)).toEqual([{ id, slot: 1 }]);
  });

  it('on: parallel requests for another application number them 1 … n, each submitted on its own', async () => {
    const scope = await createDeclarationScope();
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { allowMultipleApplications: true } });
    const input = { campaignId: scope.campaign.id, organizationId: scope.branchA.id };
    const as = context(scope.secretaryA.id);
    const first = await getOrCreateDraft(input, as);
    const more = await Promise.all(Array.from({ length: 5 }, () => createAnotherDraft(input, as)));
    const rows = await applicationsOf(scope.campaign.id, scope.branchA.id);
    expect(rows.map((row) => row.slot)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set([first.id, ...more.map((row) => row.id)])).toEqual(new Set(rows.map((row) => row.id)));
    // A first visit still opens the first application, not a new one.
    expect(await getOrCreateDraft(input, as)).toEqual(first);

    const values = await completeValues(scope.campaign.id);
    await submitApplication({ applicationId: rows[0].id, revision: 0, values: { ...values, brandName: '红色先锋站' } }, as);
    await submitApplication({ applicationId: rows[1].id, revision: 0, values: { ...values, brandName: '绿色家园岗' } }, as);
    expect(await db.application.count({ where: { ...input, status: 'SUBMITTED' } })).toBe(2);

    const { rows: declarations } = await listDeclarations(await loadGrants(db, scope.secretaryA.id));
    const mine = declarations.filter((row) => row.campaign.id === scope.campaign.id);
    expect(mine.map((row) => row.application?.slot)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mine.map((row) => row.canAddAnother)).toEqual([false, false, false, false, false, true]);

    await setDeclarationWindow(scope.campaign.id, 'closed');
    expect((await rejection(createAnotherDraft(input, as))).message).toBe('申报阶段已结束，不能再填写或提交');
    expect(await applicationsOf(scope.campaign.id, scope.branchA.id)).toHaveLength(6);
  });
});
