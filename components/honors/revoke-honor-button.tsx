'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { revokeHonorAction } from '@/lib/honors/actions';

/** 摘牌 with a written reason; the verification page shows the brand as revoked from then on. */
export function RevokeHonorButton({ honorId, brandName, awardName, certificateNo }: { honorId: string; brandName: string; awardName: string; certificateNo: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="摘牌"
      title={`摘牌：“${brandName}”（${awardName}）`}
      ariaLabel={`摘牌 ${brandName}（${awardName}）`}
      description={`摘牌后，证书 ${certificateNo} 在验证页显示为“已摘牌”，并注明摘牌日期和原因；该品牌的其他荣誉不受影响。此操作不可撤销。`}
      reasonLabel="摘牌原因"
      confirmLabel="确认摘牌"
      variant="secondary"
      onSubmit={(reason) => revokeHonorAction({ honorId, reason })}
      onDone={() => router.refresh()}
    />
  );
}
