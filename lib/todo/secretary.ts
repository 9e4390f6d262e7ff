// The branch secretary's to-do list (the top of /declare): what is theirs to do now, each with its deadline and a link
// to the task, computed from database state with the rules the tasks themselves apply — the declaration edit window
// (lib/application/rules editWindow, via listDeclarations), the 创建期 and `write-plan` / `keep-ledger`
// (lib/campaign/lifecycle), the 台帐 due days (lib/cultivation/ledger-schedule) and whether acceptance may be requested
// (lib/acceptance, via listBranchCultivations). Nothing is stored: the list is what the state says.
import type { TSessionUser } from '@/lib/auth/session';
import { scopeRoots } from '@/lib/auth/scope';
import { listBranchCultivations } from '@/lib/acceptance/queries';
import { listDeclarations } from '@/lib/application/queries';
import { creationPeriod, operationRefusal, type TLifecycle } from '@/lib/campaign/lifecycle';
import { ledgerDueAt, monthLabel, monthOf, monthOfDate, periodMonths } from '@/lib/cultivation/ledger-schedule';
import { db, dbNow } from '@/lib/db';
import type { StageKind } from '@/lib/generated/prisma/enums';

export type TTodoKind = 'declaration' | 'plan' | 'ledger' | 'acceptance';

export const TODO_KIND_LABELS: Record<TTodoKind, string> = { declaration: '申报', plan: '创建方案', ledger: '台帐', acceptance: '验收' };

export type TTodoItem = {
  kind: TTodoKind;
  /** What to do, naming the brand or campaign. */
  title: string;
  /** The instant the task closes (exclusive), or null when it has no deadline. */
  dueAt: Date | null;
  isOverdue: boolean;
  href: string;
};

const DAY_MS = 86_400_000;
/** A DATE column (UTC midnight of a Shanghai calendar day) → the instant that day ends in Shanghai. */
const endOfShanghaiDay = (date: Date) => new Date(date.getTime() + DAY_MS - 8 * 3_600_000);

async function declarationItems(user: TSessionUser): Promise<TTodoItem[]> {
  const { rows } = await listDeclarations(user.roles);
  return rows.flatMap((row): TTodoItem[] => {
    if (row.declaration !== 'open') return [];
    const { application } = row;
    const base = { kind: 'declaration' as const, dueAt: row.declarationEndsAt, isOverdue: false };
    if (!application) {
      return [{ ...base, title: `填写《${row.campaign.title}》申报表（${row.organization.name}）`, href: `/declare#campaign-${row.campaign.id}-${row.organization.id}` }];
    }
    const brand = application.brandName || row.campaign.title;
    if (application.status === 'RETURNED') return [{ ...base, title: `修改后重新申报“${brand}”（已退回）`, href: `/declare/${application.id}` }];
    if (application.status === 'DRAFT') return [{ ...base, title: `提交“${brand}”申报表（草稿）`, href: `/declare/${application.id}` }];
    return [];
  });
}

async function cultivationItems(user: TSessionUser, now: Date): Promise<TTodoItem[]> {
  const roots = scopeRoots(user.roles, ['BRANCH_SECRETARY']);
  if (!roots.length) return [];
  const rows = await db.cultivation.findMany({
    where: {
      status: 'CULTIVATING',
      campaign: { status: 'PUBLISHED' },
      brand: { organization: { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })) } },
    },
    select: {
      id: true,
      brand: { select: { name: true } },
      plan: { select: { status: true } },
      ledgerReports: { select: { month: true } },
      campaign: {
        select: {
          status: true,
          program: true,
          ledgerDueDay: true,
          cultivationEndsOn: true,
          stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
        },
      },
    },
    orderBy: { startedAt: 'asc' },
  });
  const items: TTodoItem[] = [];
  for (const row of rows) {
    const { campaign } = row;
    const life: TLifecycle = {
      status: campaign.status,
      program: campaign.program,
      stages: campaign.stages as { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date }[],
      now,
      creationEndsAt: campaign.cultivationEndsOn ? endOfShanghaiDay(campaign.cultivationEndsOn) : null,
    };
    const period = creationPeriod(life);
    if (!period) continue;
    const planStatus = row.plan?.status ?? 'NONE';
    if (planStatus !== 'SUBMITTED' && planStatus !== 'APPROVED' && !operationRefusal('write-plan', life)) {
      const verb = planStatus === 'RETURNED' ? '修改后重新提交' : planStatus === 'DRAFT' ? '完成并提交' : '填写';
      items.push({ kind: 'plan', title: `${verb}“${row.brand.name}”创建方案${planStatus === 'RETURNED' ? '（已退回）' : ''}`, dueAt: period.endsAt, isOverdue: false, href: `/cultivation/${row.id}/plan` });
    }
    if (operationRefusal('keep-ledger', life)) continue;
    const reported = new Set(row.ledgerReports.map((report) => monthOfDate(report.month)));
    const current = monthOf(now);
    for (const month of periodMonths(period)) {
      if (month > current || reported.has(month)) continue;
      const dueAt = ledgerDueAt(month, campaign.ledgerDueDay);
      items.push({ kind: 'ledger', title: `上报“${row.brand.name}”${monthLabel(month)}台帐`, dueAt, isOverdue: now >= dueAt, href: `/cultivation/${row.id}/ledger?month=${month}` });
    }
  }
  return items;
}

/**
 * Acceptance to request: while the 验收认定 stage is open (or again after a request that did not pass), for a brand
 * that may request now. Early requests during 培育创建 stay possible on the acceptance page, but are no to-do.
 */
async function acceptanceItems(user: TSessionUser, now: Date): Promise<TTodoItem[]> {
  const rows = await listBranchCultivations(user);
  const campaignIds = [...new Set(rows.map((row) => row.campaignId))];
  const stages = campaignIds.length
    ? await db.campaignStage.findMany({ where: { campaignId: { in: campaignIds }, kind: 'ACCEPTANCE', isEnabled: true }, select: { campaignId: true, startsAt: true, endsAt: true } })
    : [];
  return rows.flatMap((row): TTodoItem[] => {
    if (row.requestBlock) return [];
    const stage = stages.find((candidate) => candidate.campaignId === row.campaignId);
    const stageOpen = !!stage && stage.startsAt <= now && now < stage.endsAt;
    const failedBefore = row.latest?.status === 'FAILED';
    if (!stageOpen && !failedBefore) return [];
    const deadline = row.campaign.acceptanceRequestDeadline ? endOfShanghaiDay(row.campaign.acceptanceRequestDeadline) : (stage?.endsAt ?? null);
    return [{ kind: 'acceptance', title: `申请“${row.brand.name}”验收${failedBefore ? '（上次未通过）' : ''}`, dueAt: deadline, isOverdue: false, href: `/acceptance/${row.id}/request` }];
  });
}

/** Overdue first, then by deadline, those without one last. */
export function sortTodos(items: TTodoItem[]): TTodoItem[] {
  const key = (item: TTodoItem) => item.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || key(a) - key(b));
}

export async function secretaryTodos(user: TSessionUser): Promise<TTodoItem[]> {
  const now = await dbNow();
  const [declarations, cultivations, acceptance] = await Promise.all([declarationItems(user), cultivationItems(user, now), acceptanceItems(user, now)]);
  return sortTodos([...declarations, ...cultivations, ...acceptance]);
}
