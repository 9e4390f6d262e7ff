import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { addMonths, ledgerDueAt, monthLabel, monthOf } from '@/lib/cultivation/ledger-schedule';
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
    const creation = await db.campaign.findFirstOrThrow({
      where: { title: DEMO_CREATION_TITLE },
      select: { ledgerDueDay: true, acceptanceRequestDeadline: true, cultivationEndsOn: true, stages: { where: { kind: 'CULTIVATION' }, select: { endsAt: true } } },
    });
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

    // The seed has no secretaries for the brand whose plan was returned (立德树人先锋) and the one that skipped a month
    // (红烛领航): their new secretaries see the returned plan, and the skipped month overdue (first, in red) before this one.
    const ledgerItem = (row: { id: string; brand: { name: string } }, ledgerMonth: string) => {
      const dueAt = ledgerDueAt(ledgerMonth, creation.ledgerDueDay);
      return { kind: 'ledger', title: `上报“${row.brand.name}”${monthLabel(ledgerMonth)}台帐`, dueAt: dueAt.toISOString(), isOverdue: now >= dueAt, href: `/cultivation/${row.id}/ledger?month=${ledgerMonth}` };
    };
    const unreported = async (cultivationId: string) => {
      const reported = new Set((await db.ledgerReport.findMany({ where: { cultivationId }, select: { month: true } })).map((report) => report.month.toISOString().slice(0, 7)));
      const first = (await db.ledgerReport.findFirstOrThrow({ where: { cultivationId }, orderBy: { month: 'asc' }, select: { month: true } })).month.toISOString().slice(0, 7);
      const months: string[] = [];
      for (let at = first; at <= month; at = addMonths(at, 1)) if (!reported.has(at)) months.push(at);
      return months;
    };
    const creationEnds = creation.cultivationEndsOn ? new Date(creation.cultivationEndsOn.getTime() + 16 * 3_600_000) : creation.stages[0].endsAt;

    const lide = await cultivation('SF-JG-03');
    expect(await unreported(lide.id)).toEqual([month]);
    expect(rows(await secretaryOf('SF-JG-03'))).toEqual([
      ledgerItem(lide, month),
      await declaration('SF-JG-03'),
      { kind: 'plan', title: `修改后重新提交“${lide.brand.name}”创建方案（已退回）`, dueAt: creationEnds.toISOString(), isOverdue: false, href: `/cultivation/${lide.id}/plan` },
    ]);

    const hongzhu = await cultivation('SF-JG-05');
    const missing = await unreported(hongzhu.id);
    expect(missing).toHaveLength(2);
    const items = rows(await secretaryOf('SF-JG-05'));
    expect(items).toEqual([ledgerItem(hongzhu, missing[0]), ledgerItem(hongzhu, month), await declaration('SF-JG-05')]);
    expect(items[0].isOverdue).toBe(true);
  });
});
