'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { declareConflictAction } from '@/lib/review/actions';

/** 申请回避 from the sheet: the expert leaves this entry and is never assigned to it again. */
export function DeclareConflictButton({ assignmentId, brandName }: { assignmentId: string; brandName: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="申请回避"
      title={`对“${brandName}”申请回避`}
      variant="ghost"
      description="如与申报单位有利害关系（曾任职、亲属在该单位、参与过指导等），请申请回避。回避后本评分表和已保存的评分将删除，组织部会另行安排专家。"
      confirmLabel="确认回避"
      reasonLabel="回避理由"
      onSubmit={(reason) => declareConflictAction({ assignmentId, reason })}
      onDone={() => router.push('/review')}
    />
  );
}
