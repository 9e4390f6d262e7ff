// Who to remind of which month's 台帐, at an instant: 3 days before the due day, on it, and overdue from the morning
// after (by SMS too when the campaign switches it on). Pure reads, so the job queue can call it on any schedule, from any
// worker: each reminder carries a stable dedupe key (one per kind, cultivation and month), and the queue sends a key once.
import type { TTx } from '@/lib/db';
import { creationPeriod } from '@/lib/campaign/lifecycle';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { formatDate } from '@/lib/format';
import {
  ledgerDueAt,
  monthOf,
  monthOfDate,
  periodMonths,
  reminderFor,
  reminderKey,
  type TLedgerMonth,
  type TReminderKind,
} from '@/lib/cultivation/ledger-schedule';

export type TLedgerReminder = {
  key: string;
  kind: TReminderKind;
  cultivationId: string;
  campaignId: string;
  organizationId: string;
  month: TLedgerMonth;
  dueAt: Date;
  /** The brand's organization's branch secretaries (active accounts). */
  recipients: { userId: string; phone: string | null }[];
  sms: boolean;
  text: string;
  /** Where the reminder links to. */
  href: string;
};

const monthWords = (month: TLedgerMonth) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

function reminderText(kind: TReminderKind, input: { campaign: string; brand: string; month: TLedgerMonth; dueAt: Date }): string {
  const due = formatDate(new Date(input.dueAt.getTime() - 1));
  const head = `【${input.campaign}】“${input.brand}”${monthWords(input.month)}台帐`;
  if (kind === 'overdue') return `${head}已逾期（应于${due}前上报），请尽快登录平台填写并上报。`;
  if (kind === 'due-day') return `${head}今天（${due}）到期，请在今天内上报。`;
  return `${head}将于${due}到期，请及时填写并上报。`;
}

export async function dueLedgerReminders(tx: TTx, now: Date): Promise<TLedgerReminder[]> {
  const cultivations = await tx.cultivation.findMany({
    where: {
      status: 'CULTIVATING',
      campaign: { status: 'PUBLISHED', stages: { some: { kind: 'CULTIVATION', isEnabled: true, startsAt: { lte: now } } } },
    },
    select: {
      id: true,
      campaignId: true,
      campaign: {
        select: {
          title: true,
          ledgerDueDay: true,
          reminderSms: true,
          cultivationEndsOn: true,
          stages: { where: { kind: 'CULTIVATION' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
        },
      },
      brand: {
        select: {
          name: true,
          organization: {
            select: {
              id: true,
              roleAssignments: { where: { role: 'BRANCH_SECRETARY', user: { isDisabled: false } }, select: { user: { select: { id: true, phone: true } } } },
            },
          },
        },
      },
      ledgerReports: { select: { month: true } },
    },
    orderBy: { id: 'asc' },
  });

  const reminders: TLedgerReminder[] = [];
  for (const cultivation of cultivations) {
    const { campaign } = cultivation;
    const creationEndsAt = campaign.cultivationEndsOn ? new Date(campaign.cultivationEndsOn.getTime() + 86_400_000 - 8 * 3_600_000) : null;
    const period = creationPeriod({ stages: campaign.stages as { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date }[], creationEndsAt });
    // After the 创建期 nothing can be reported any more: no reminder would help.
    if (!period || now < period.startsAt || now >= period.endsAt) continue;
    const reported = new Set(cultivation.ledgerReports.map((report) => monthOfDate(report.month)));
    const current = monthOf(now);
    for (const month of periodMonths(period)) {
      if (month > current || reported.has(month)) continue;
      const kind = reminderFor(month, campaign.ledgerDueDay, now);
      if (!kind) continue;
      const dueAt = ledgerDueAt(month, campaign.ledgerDueDay);
      reminders.push({
        key: reminderKey(kind, cultivation.id, month),
        kind,
        cultivationId: cultivation.id,
        campaignId: cultivation.campaignId,
        organizationId: cultivation.brand.organization.id,
        month,
        dueAt,
        recipients: cultivation.brand.organization.roleAssignments.map((assignment) => ({ userId: assignment.user.id, phone: assignment.user.phone })),
        sms: kind === 'overdue' && campaign.reminderSms,
        text: reminderText(kind, { campaign: campaign.title, brand: cultivation.brand.name, month, dueAt }),
        href: `/cultivation/${cultivation.id}/ledger?month=${month}`,
      });
    }
  }
  return reminders;
}
