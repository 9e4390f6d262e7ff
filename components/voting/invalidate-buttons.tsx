'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { invalidateByFlagAction, invalidateVotesAction, restoreVotesAction } from '@/lib/voting/admin-actions';

/** 按规则作废: every valid vote of the flag, with a reason. */
export function InvalidateFlagButton({ campaignId, flagKey, title, count }: { campaignId: string; flagKey: string; title: string; count: number }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label={`作废这 ${count} 票`}
      title={`按规则作废：${title}`}
      description={`将作废该异常规则下的全部 ${count} 张有效票。作废后这些票不再计入结果，投票人凭回执可看到作废原因；操作记入审计日志，必要时可逐票恢复。`}
      confirmLabel="确认作废"
      reasonLabel="作废理由"
      onSubmit={(reason) => invalidateByFlagAction({ campaignId, flagKey, reason })}
      onDone={() => router.refresh()}
    />
  );
}

const SINGLE = {
  invalidate: { label: '作废', verb: '作废', description: '作废后这一票不再计入结果，投票人凭回执可看到作废原因。', action: invalidateVotesAction },
  restore: { label: '恢复计票', verb: '恢复', description: '恢复后这一票重新计入结果；原作废记录保留在审计日志中。', action: restoreVotesAction },
};

/** 单票作废 or 恢复计票 from an evidence or search table. */
export function SingleVoteButton({ campaignId, voteId, receiptCode, mode }: { campaignId: string; voteId: string; receiptCode: string; mode: keyof typeof SINGLE }) {
  const router = useRouter();
  const { label, verb, description, action } = SINGLE[mode];
  return (
    <ReasonDialogButton
      label={label}
      ariaLabel={`${verb}回执 ${receiptCode} 的投票`}
      title={`${label === '作废' ? '作废投票' : label}（回执 ${receiptCode}）`}
      description={description}
      confirmLabel={`确认${verb}`}
      reasonLabel={`${verb}理由`}
      variant="secondary"
      onSubmit={(reason) => action({ campaignId, voteIds: [voteId], reason })}
      onDone={() => router.refresh()}
    />
  );
}
