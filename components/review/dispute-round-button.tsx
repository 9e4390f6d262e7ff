'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { startDisputeRoundAction } from '@/lib/review/actions';

/** 发起复议 for one entry: a new round with the same experts; the reason is shown to them and audited. */
export function DisputeRoundButton({ campaignId, applicationId, brandName }: { campaignId: string; applicationId: string; brandName: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="发起复议"
      title={`对“${brandName}”发起复议`}
      ariaLabel={`对 ${brandName} 发起复议`}
      variant="secondary"
      description="原评审专家将收到新一轮评分表；新一轮有评分提交后，排名以新一轮为准。可在专家评审页为这一轮增减专家。"
      confirmLabel="发起复议"
      reasonLabel="复议理由"
      onSubmit={(reason) => startDisputeRoundAction({ campaignId, applicationId, reason })}
      onDone={() => router.refresh()}
    />
  );
}
