'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { createVoteSender } from '@/components/voting/send-vote';

type TProps = { campaignId: string; applicationId: string; brandName: string; disabledReason: string | null };

/**
 * 投票: one idempotency key per click, sent again on a lost answer or a 5xx (and on the next click while the outcome
 * is unknown), so a vote saved before a failed answer is counted once (send-vote.ts). The receipt is shown after.
 */
export function VoteButton({ campaignId, applicationId, brandName, disabledReason }: TProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; left: number } | null>(null);
  const sender = useRef<ReturnType<typeof createVoteSender> | null>(null);

  async function vote() {
    setBusy(true);
    setMessage(null);
    sender.current ??= createVoteSender({
      applicationId,
      post: (body) => fetch(`/api/campaigns/${campaignId}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
    });
    const outcome = await sender.current();
    setBusy(false);
    if (outcome.ok) {
      setReceipt({ code: outcome.receipt, left: outcome.left });
      // The page re-reads what is left today (and which brands were voted for); this dialog stays open meanwhile.
      router.refresh();
    } else {
      setMessage(outcome.message);
    }
  }

  // The name starts with the words on the button (WCAG 2.5.3: a voice-control user says what they see).
  const label = disabledReason ?? '投一票';
  return (
    <div className="space-y-1">
      <Button className="w-full" isLoading={busy} disabled={!!disabledReason} onClick={() => void vote()} aria-label={`${label}：${brandName}`}>
        {label}
      </Button>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      <Dialog open={!!receipt} onClose={() => setReceipt(null)} title="投票成功" footer={<Button onClick={() => setReceipt(null)}>好的</Button>}>
        <div className="space-y-2 text-sm">
          <p>已为“{brandName}”投出一票。今天还可投 {receipt?.left ?? 0} 票。</p>
          <p>
            回执码：<strong className="select-all font-mono text-lg tracking-widest text-brand-800">{receipt?.code}</strong>
          </p>
          <p className="text-stone-600">凭回执码可随时查询这一票是否计入（页面底部“查询投票回执”）。</p>
        </div>
      </Dialog>
    </div>
  );
}
