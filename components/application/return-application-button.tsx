'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { returnApplicationAction } from '@/lib/application/actions';

/** 退回重新申报: asks for the reason the branch will see. */
export function ReturnApplicationButton({ applicationId }: { applicationId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);

  async function confirm() {
    setIsLoading(true);
    setError(null);
    const result = await returnApplicationAction({ applicationId, reason }).catch(() => null);
    setIsLoading(false);
    if (result?.ok) {
      setOpen(false);
      router.refresh();
      return;
    }
    setError(result?.fieldErrors?.reason ?? result?.message ?? '网络异常，退回未完成，请重试');
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>退回重新申报</Button>
      <ConfirmDialog open={open} title="退回重新申报" confirmLabel="确认退回" isLoading={isLoading} onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
        <p>退回后，申报单位可以修改申报表并重新提交。请写明需要修改的内容。</p>
        <Field id="return-reason" label="退回理由" required error={error ?? undefined} hint="5 至 500 个字">
          <textarea
            id="return-reason"
            rows={4}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className={inputClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'return-reason-error' : 'return-reason-hint'}
          />
        </Field>
      </ConfirmDialog>
    </>
  );
}
