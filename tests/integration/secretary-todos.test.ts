import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { ledgerDueAt, monthLabel, monthOf } from '@/lib/cultivation/ledger-schedule';
import { secretaryTodos, type TTodoItem } from '@/lib/todo/secretary';
import { createUser } from '../support/factories';
import { DEMO_CAMPAIGN_TITLE } from '../../prisma/seed/demo-city';
import { DEMO_CREATION_TITLE } from '../../prisma/seed/demo-programs';
import { seedDemoCity } from '../../prisma/seed/seed-demo';

async function sessionOf(userId: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { id: row.id, sessionId: 'demo', loginName: row.loginName, displayName: row.displayName, mustChangePassword: false, roles: await loadGrants(db, row.id) };
}

const todosOf = async (loginName: string) => secretaryTodos(await sessionOf((await db.user.findUniqueOrThrow({ where: { loginName } })).id));

/** A new secretary of a demo organization (the seed has none for some of the 县直机关 brands). */
async function secretaryOf(orgCode: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { code: orgCode } });
  const user = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: org.id }] });
  return secretaryTodos(await sessionOf(user.id));
}

const rows = (items: TTodoItem[]) => items.map((item) => ({ kind: item.kind, title: item.title, dueAt: item.dueAt?.toISOString() ?? null, isOverdue: item.isOverdue, href: item.href }));

describe('the branch secretary to-do list on the demo city', () => {
  it('lists each demo secretary’s tasks with the deadlines the tasks themselves enforce', async () => {
    await seedDemoCity(db);
    const now = await dbNow();
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CAMPAIGN_TITLE }, select: { id: true, stages: { where: { kind: 'DECLARATION' } } } });
    const declarationEnds = campaign.stages[0].endsAt.toISOString();
    const creation = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { ledgerDueDay: true, acceptanceRequestDeadline: true } });
    const cultivation = async (orgCode: string) =>
      (await db.cultivation.findFirstOrThrow({ where: { campaign: { title: DEMO_CREATION_TITLE }, brand: { organization: { code: orgCode } } }, select: { id: true, brand: { select: { name: true } } } }));
    const declaration = async (orgCode: string) => {
      const org = await db.organization.findUniqueOrThrow({ where: { code: orgCode } });
      return { kind: 'declaration', title: `填写《${DEMO_CAMPAIGN_TITLE}》申报表（${org.name}）`, dueAt: declarationEnds, isOverdue: false, href: `/declare#campaign-${campaign.id}-${org.id}` };
    };
    const month = monthOf(now);

    // Four secretaries have only the running campaign's declaration to fill in.
    for (const [login, orgCode] of [['sec-xfl', 'SF-DC-DH-01'], ['sec-gm', 'SF-DC-DH-02'], ['sec-fgw', 'SF-JG-01'], ['sec-ty', 'SF-DC-CG-01']]) {
      expect(rows(await todosOf(login)), login).toEqual([await declaration(orgCode)]);
    }

    // 仁心护佑 (sec-yy): this month's 台帐, the declaration, and acceptance again after the failed request.
    const yy = await cultivation('SF-JG-04');
    expect(rows(await todosOf('sec-yy'))).toEqual([
      { kind: 'ledger', title: `上报“${yy.brand.name}”${monthLabel(month)}台帐`, dueAt: ledgerDueAt(month, creation.ledgerDueDay).toISOString(), isOverdue: false, href: `/cultivation/${yy.id}/ledger?month=${month}` },
      await declaration('SF-JG-04'),
      {
        kind: 'acceptance',
        title: `申请“${yy.brand.name}”验收（上次未通过）`,
        dueAt: new Date(creation.acceptanceRequestDeadline!.getTime() + 16 * 3_600_000).toISOString(),
        isOverdue: false,
        href: `/acceptance/${yy.id}/request`,
      },
    ]);

    console.log('JG-03', JSON.stringify(rows(await secretaryOf('SF-JG-03')), null, 1));
    console.log('JG-05', JSON.stringify(rows(await secretaryOf('SF-JG-05')), null, 1));
  });
});
