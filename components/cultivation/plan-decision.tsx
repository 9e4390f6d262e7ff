'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { decidePlanAction } from '@/lib/cultivation/actions';

/** 批准 or 退回 (with a reason) a submitted 创建方案. */
export function PlanDecision({ cultivationId }: { cultivationId: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function approve() {
    startTransition(async () => {
      const result = await decidePlanAction({ cultivationId, decision: 'approve' });
      if (!result.ok) return setError(result.message);
      setIsOpen(false);
      router.refresh();
    });
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => setIsOpen(true)}>批准</Button>
      <ReasonDialogButton
        label="退回修改"
        description="退回后，品牌所在组织修改方案并重新提交。"
        confirmLabel="退回"
        reasonLabel="退回理由"
        onSubmit={(reason) => decidePlanAction({ cultivationId, decision: 'return', reason })}
        onDone={() => router.refresh()}
      />
      <ConfirmDialog open={isOpen} title="批准创建方案" confirmLabel="批准" tone="primary" isLoading={isPending} onConfirm={approve} onCancel={() => setIsOpen(false)}>
        <p>批准后方案即锁定，品牌所在组织不能再修改。</p>
        {error && <Alert tone="error">{error}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
