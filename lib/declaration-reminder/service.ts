import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { actsFor } from '@/lib/campaign/recommendation-chain';
import { queueSms } from '@/lib/jobs/sms-outbox';
import { usersCovering } from '@/lib/notifications/recipients';
import { notify } from '@/lib/notifications/service';
import { formatDateTime } from '@/lib/format';
import { loadDeclarationProgress, type TPendingBranch } from '@/lib/declaration-reminder/queries';
import { ZRemindInput, type TBranchDeclarationState, type TRemindInput } from '@/lib/declaration-reminder/schema';

type TContext = TAuditContext & { actorId: string };

const ONCE_A_DAY = '每个支部每天只能催报一次';

const STATE_TEXT: Record<TBranchDeclarationState, string> = {
  NOT_STARTED: '贵支部尚未填写申报表',
  DRAFT: '贵支部的申报表尚未提交',
  RETURNED: '贵支部被退回的申报表尚未重新提交',
};

function reminderText(branch: TPendingBranch, campaignTitle: string, committeeName: string, endsAt: Date | null): string {
  const deadline = endsAt ? `申报将于${formatDateTime(endsAt)}截止，` : '';
  return `【${campaignTitle}】${branch.name}：${deadline}${STATE_TEXT[branch.state]}，请登录党建品牌选树平台尽快提交。——${committeeName}`;
}

const nameList = (branches: readonly { name: string }[]) => branches.map((branch) => `“${branch.name}”`).join('、');

/**
 * 催报: a committee reminds branches below it that have not submitted, during 申报 only. Each reminder first claims
 * its (campaign, branch, day) row — the unique key is the throttle, so of parallel requests exactly one claims it —
 * with its audit record, its notices and its text messages, in one transaction. The messages go to the SMS outbox
 * (lib/jobs/sms-outbox): the job workers send them after the commit, so 一键催报 of a hundred branches answers at once
 * and a slow gateway holds nothing; each message is keyed by reminder and phone, so it leaves once. Their outcome is
 * in 短信记录. Naming branches is all or nothing; 一键催报 (no list) skips those reminded today.
 */
export async function remindBranches(input: TRemindInput, context: TContext) {
  const { campaignId, organizationId, branchIds } = ZRemindInput.parse(input);
  const reminded = await db.$transaction(async (tx) => {
    if (!actsFor(await loadGrants(tx, context.actorId), organizationId)) throw new AppError('FORBIDDEN', '只有本单位的党(工)委管理员可以催报下级支部');
    const progress = await loadDeclarationProgress(tx, { campaignId, organizationId });
    if (!progress) throw new AppError('NOT_FOUND', '评选活动不存在或本单位不在其范围内');
    await requireOperation(tx, campaignId, 'remind-declaration');

    const pendingById = new Map(progress.pending.map((branch) => [branch.id, branch]));
    let targets: TPendingBranch[];
    if (branchIds) {
      const outside = branchIds.filter((id) => !pendingById.has(id) && !progress.submittedIds.has(id));
      if (outside.length) throw new AppError('FORBIDDEN', '只能催报本单位下级、可以申报的支部');
      const submitted = branchIds.filter((id) => progress.submittedIds.has(id));
      if (submitted.length) throw new AppError('CONFLICT', '所选支部中有已提交申报表的，无需催报，请刷新页面');
      targets = branchIds.map((id) => pendingById.get(id)!);
    } else {
      targets = progress.pending.filter((branch) => !branch.remindedToday);
      if (progress.pending.length === 0) throw new AppError('CONFLICT', '下级支部都已提交申报表，无需催报');
      if (targets.length === 0) throw new AppError('CONFLICT', `未提交的支部今天都已催报过，${ONCE_A_DAY}`);
    }

    /** Each reminded branch with the number of texts queued for it. */
    const rows: { branch: TPendingBranch; messages: number }[] = [];
    const lost: TPendingBranch[] = [];
    for (const branch of targets) {
      const phones = [...new Set(branch.phones)];
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO declaration_reminders (id, campaign_id, organization_id, sender_org_id, sent_by_id, day, branch_state, phones, sent_count)
        VALUES (${randomUUID()}, ${campaignId}, ${branch.id}, ${organizationId}, ${context.actorId}, (now() AT TIME ZONE 'Asia/Shanghai')::date, ${branch.state}, ${phones}, ${phones.length})
        ON CONFLICT (campaign_id, organization_id, day) DO NOTHING
        RETURNING id`;
      if (!inserted.length) {
        lost.push(branch);
        continue;
      }
      rows.push({ branch, messages: phones.length });
      const text = reminderText(branch, progress.campaign.title, progress.committee.name, progress.campaign.declarationEndsAt);
      const params = { campaign: progress.campaign.title, branch: branch.name, committee: progress.committee.name };
      for (const phone of phones) await queueSms(tx, { phone, text, params, dedupeKey: `declaration-reminder:${inserted[0].id}:${phone}` });
      await recordAudit(tx, context, {
        action: 'remind-declaration',
        entityType: 'Campaign',
        entityId: campaignId,
        after: { committeeId: organizationId, branchId: branch.id, branchName: branch.name, state: branch.state, phones: branch.phones, bulk: !branchIds },
      });
      const { path } = await tx.organization.findUniqueOrThrow({ where: { id: branch.id }, select: { path: true } });
      await notify(tx, await usersCovering(tx, ['BRANCH_SECRETARY'], path), {
        kind: 'DECLARATION_REMINDER',
        title: `${progress.committee.name}催报：「${progress.campaign.title}」`,
        body: `${STATE_TEXT[branch.state]}。${progress.campaign.declarationEndsAt ? `申报将于${formatDateTime(progress.campaign.declarationEndsAt)}截止，` : ''}请尽快提交。`,
        link: '/declare',
        campaignId,
      });
    }
    if (branchIds && lost.length) throw new AppError('CONFLICT', `${nameList(lost)}今天已催报过，${ONCE_A_DAY}`);
    if (rows.length === 0) throw new AppError('CONFLICT', `未提交的支部今天都已催报过，${ONCE_A_DAY}`);
    return rows;
  });

  return {
    reminded: reminded.length,
    messages: reminded.reduce((sum, row) => sum + row.messages, 0),
    withoutPhone: reminded.filter((row) => row.messages === 0).map((row) => row.branch.name),
  };
}
