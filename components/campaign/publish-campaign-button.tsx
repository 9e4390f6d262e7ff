'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { publishCampaignAction } from '@/lib/campaign/actions';

export function PublishCampaignButton({ campaignId }: { campaignId: string }) {
  const action = useConfirmedAction(() => publishCampaignAction({ campaignId }));

  return (
    <>
      <Button onClick={action.open}>发布活动</Button>
      <ConfirmDialog open={action.isOpen} title="发布评选活动？" confirmLabel="确认发布" tone="primary" isLoading={action.isPending} onConfirm={action.confirm} onCancel={action.close}>
        <p>发布后，各级组织即可看到本活动，各阶段按设定时间自动开始。</p>
        <p>阶段开始后，受其约束的规则（如申报开始后的领域和评分标准）将被锁定，不能再修改。</p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
      </ConfirmDialog>
    </>
  );
}
