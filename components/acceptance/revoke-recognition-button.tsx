'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { revokeRecognitionAction } from '@/lib/acceptance/actions';

/** 摘牌 of a 认定: verification shows 已撤销 and 品牌风采 drops the 认定 label at once. */
export function RevokeRecognitionButton({ recognitionId, recognitionNo, brandName }: { recognitionId: string; recognitionNo: string; brandName: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="撤销认定（摘牌）"
      title={`撤销认定：“${brandName}”`}
      description={`撤销后，认定编号 ${recognitionNo} 在证书验证页显示为“已撤销”并注明日期和理由，品牌风采不再显示“认定”。此操作不可撤销。`}
      reasonLabel="撤销理由"
      confirmLabel="确认撤销"
      onSubmit={(reason) => revokeRecognitionAction({ recognitionId, reason })}
      onDone={() => router.refresh()}
    />
  );
}
