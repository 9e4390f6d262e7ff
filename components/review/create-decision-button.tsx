'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { createDecisionAction } from '@/lib/review/actions';

/** 新建初评 / 审定, or a correction of a signed one (which asks for the reason). */
export function CreateDecisionButton({ campaignId, kind, label, isCorrection }: { campaignId: string; kind: 'PRELIMINARY' | 'FINAL'; label: string; isCorrection: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = (id: string) => router.push(`/admin/campaigns/${campaignId}/decisions/${id}`);
  if (isCorrection) {
    return (
      <ReasonDialogButton
        label={label}
        variant="secondary"
        description="已签署的决定保持不变，更正将作为新版本记录，签署后以新版本为准。"
        confirmLabel="新建更正版本"
        reasonLabel="更正理由"
        onSubmit={async (correctionReason) => {
          const result = await createDecisionAction({ campaignId, kind, correctionReason });
          if (result.ok) open(result.data.id);
          return result;
        }}
      />
    );
  }
  return (
    <div className="space-y-2">
      {error && <Alert tone="error">{error}</Alert>}
      <Button
        isLoading={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await createDecisionAction({ campaignId, kind }).catch(() => null);
          setBusy(false);
          if (result?.ok) open(result.data.id);
          else setError(result?.message ?? '网络异常，未能新建');
        }}
      >
        {label}
      </Button>
    </div>
  );
}
