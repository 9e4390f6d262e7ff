'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { setLaggingAction } from '@/lib/pairing/actions';

/** 认定为后进党支部: the reason goes with the flag (audited). */
export function FlagLaggingButton({ organizationId, name }: { organizationId: string; name: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="认定为后进"
      title={`认定“${name}”为后进党支部`}
      description="认定后可安排品牌组织与其结对共建。"
      confirmLabel="确认认定"
      reasonLabel="后进原因"
      variant="secondary"
      ariaLabel={`认定 ${name} 为后进党支部`}
      onSubmit={(note) => setLaggingAction({ organizationId, lagging: true, note })}
      onDone={() => router.refresh()}
    />
  );
}

export function UnflagLaggingButton({ organizationId, name }: { organizationId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        isLoading={isPending}
        aria-label={`取消 ${name} 的后进认定`}
        onClick={() =>
          startTransition(async () => {
            const result = await setLaggingAction({ organizationId, lagging: false });
            if (!result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        取消认定
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </span>
  );
}
