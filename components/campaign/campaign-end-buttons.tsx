'use client';

import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { cancelCampaignAction, finishCampaignAction } from '@/lib/campaign/actions';

/** 结束活动: offered once 通报表扬 has started (the page asks lifecycle.ts, the service asks it again). */
export function FinishCampaignButton({ campaignId }: { campaignId: string }) {
  const action = useConfirmedAction(() => finishCampaignAction({ campaignId }));

  return (
    <>
      <Button variant="secondary" onClick={action.open}>结束活动</Button>
      <ConfirmDialog open={action.isOpen} title="结束评选活动？" confirmLabel="确认结束" tone="primary" isLoading={action.isPending} onConfirm={action.confirm} onCancel={action.close}>
        <p>结束后，本活动的所有环节都不能再操作（仍可摘牌、查阅和导出），仍在进行中的通报表扬阶段随之结束。</p>
        <p>公开页面显示本次评选“已结束”。此操作不能撤回。</p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
      </ConfirmDialog>
    </>
  );
}

/** 撤销活动, with a written reason shown on the public page. */
export function CancelCampaignButton({ campaignId, isPublished }: { campaignId: string; isPublished: boolean }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="撤销活动"
      title="撤销评选活动？"
      description={
        isPublished
          ? '撤销后，本活动的申报、推荐、审查、投票、评审等所有环节立即停止，不能再操作，也不能恢复；公开页面显示“已撤销”和撤销理由。'
          : '撤销后，本活动不能再发布或修改，也不能恢复。'
      }
      confirmLabel="确认撤销"
      reasonLabel="撤销理由"
      onSubmit={(reason) => cancelCampaignAction({ campaignId, reason })}
      onDone={() => router.refresh()}
    />
  );
}
