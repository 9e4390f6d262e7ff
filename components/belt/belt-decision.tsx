'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { decideBeltAction, submitBeltAction } from '@/lib/belt/actions';

/** 提交立项: refused on the page already when short of sites (the server checks again). */
export function BeltSubmit({ beltId, refusal }: { beltId: string; refusal: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      {refusal && <Alert tone="warning">{refusal}</Alert>}
      <Button
        disabled={isPending}
        isLoading={isPending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await submitBeltAction({ beltId }).catch(() => null);
            if (!result) return setError('网络异常，提交未完成，请重试');
            if (!result.ok) return setError(result.message);
            router.refresh();
          })
        }
      >
        提交立项
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

/** 批准 or 退回 (with a reason) a submitted belt: the program's organization department. */
export function BeltDecision({ beltId }: { beltId: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function approve() {
    startTransition(async () => {
      const result = await decideBeltAction({ beltId, decision: 'approve' }).catch(() => null);
      if (!result) return setError('网络异常，操作未完成，请重试');
      if (!result.ok) return setError(result.message);
      setIsOpen(false);
      router.refresh();
    });
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => setIsOpen(true)}>批准立项</Button>
      <ReasonDialogButton
        label="退回"
        title="退回示范带立项"
        description="退回后，建设单位修改后重新提交立项。"
        confirmLabel="退回"
        reasonLabel="退回理由"
        onSubmit={(reason) => decideBeltAction({ beltId, decision: 'return', reason })}
        onDone={() => router.refresh()}
      />
      <ConfirmDialog open={isOpen} title="批准示范带立项" confirmLabel="批准" tone="primary" isLoading={isPending} onConfirm={approve} onCancel={() => setIsOpen(false)}>
        <p>批准后示范带即立项，示范点不能少于立项时的最低数量。</p>
        {error && <Alert tone="error">{error}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
