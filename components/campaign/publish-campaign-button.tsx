'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { publishCampaignAction } from '@/lib/campaign/actions';

export function PublishCampaignButton({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function publish() {
    startTransition(async () => {
      const result = await publishCampaignAction({ campaignId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setIsOpen(false);
      router.refresh();
    });
  }

  return (
    <>
      <Button onClick={() => { setError(null); setIsOpen(true); }}>发布活动</Button>
      <ConfirmDialog open={isOpen} title="发布评选活动？" confirmLabel="确认发布" tone="primary" isLoading={isPending} onConfirm={publish} onCancel={() => setIsOpen(false)}>
        <p>发布后，各级组织即可看到本活动，各阶段按设定时间自动开始。</p>
        <p>阶段开始后，受其约束的规则（如申报开始后的领域和评分标准）将被锁定，不能再修改。</p>
        {error && <Alert tone="error">{error}</Alert>}
      </ConfirmDialog>
    </>
  );
}
