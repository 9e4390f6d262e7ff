'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { returnApplicationAction } from '@/lib/application/actions';

/** 退回重新申报: asks for the reason the branch will see. */
export function ReturnApplicationButton({ applicationId }: { applicationId: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="退回重新申报"
      description="退回后，申报单位可以修改申报表并重新提交。请写明需要修改的内容。"
      confirmLabel="确认退回"
      reasonLabel="退回理由"
      onSubmit={(reason) => returnApplicationAction({ applicationId, reason })}
      onDone={() => router.refresh()}
    />
  );
}
