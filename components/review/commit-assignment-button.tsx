'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { commitAssignmentAction } from '@/lib/review/actions';

/** 确认分配: commits the previewed plan (same seed, same fingerprint) or says what changed. */
export function CommitAssignmentButton({ campaignId, seed, fingerprint, count, href }: { campaignId: string; seed: number; fingerprint: string; count: number; href: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function commit() {
    setBusy(true);
    setError(null);
    const result = await commitAssignmentAction({ campaignId, seed, fingerprint }).catch(() => null);
    setBusy(false);
    if (result?.ok) router.push(`${href}?assigned=${result.data.count}`);
    else setError(result?.message ?? '网络异常，分配未完成');
  }
  return (
    <div className="space-y-2">
      {error && <Alert tone="error">{error}</Alert>}
      <Button isLoading={busy} disabled={!count} onClick={() => void commit()}>
        确认分配（新增 {count} 份评分表）
      </Button>
    </div>
  );
}
