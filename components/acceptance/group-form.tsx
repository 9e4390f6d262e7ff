'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formAcceptanceGroupAction } from '@/lib/acceptance/actions';

type TCandidate = { id: string; displayName: string; title: string; homeName: string | null; conflict: string | null };

/** 组成验收组: pick experts from the 专家库; those from the requesting organization's line are shown and cannot be picked. */
export function AcceptanceGroupForm({ requestId, candidates }: { requestId: string; candidates: TCandidate[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setMessage(null);
    const result = await formAcceptanceGroupAction({ requestId, expertIds: chosen }).catch(() => null);
    setBusy(false);
    if (result?.ok) return router.refresh();
    setMessage(result?.message ?? '网络异常，验收组未保存');
  }

  return (
    <div className="space-y-3">
      {message && <Alert tone="error">{message}</Alert>}
      <p className="text-sm text-stone-600">评分标准默认为“五词”：精准、鲜明、创新、深刻、实效（每项 20 分）。</p>
      <fieldset className="grid gap-1 sm:grid-cols-2">
        <legend className="sr-only">验收专家</legend>
        {candidates.map((expert) => (
          <label key={expert.id} className={`flex min-h-12 items-start gap-2 rounded-md border border-stone-200 p-2 text-sm ${expert.conflict ? 'bg-stone-50 text-stone-500' : ''}`}>
            <input
              type="checkbox"
              className="mt-1 size-4 accent-brand-700"
              disabled={!!expert.conflict}
              checked={chosen.includes(expert.id)}
              onChange={() => setChosen((list) => (list.includes(expert.id) ? list.filter((id) => id !== expert.id) : [...list, expert.id]))}
            />
            <span className="min-w-0">
              {expert.displayName}
              {expert.title && <span className="ml-1 text-xs text-stone-500">{expert.title}</span>}
              <span className="block text-xs text-stone-500">{expert.conflict ? `须回避：${expert.conflict}` : (expert.homeName ?? '库外专家')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex justify-end">
        <Button onClick={submit} isLoading={busy} disabled={!chosen.length}>
          组成验收组（{chosen.length} 人）
        </Button>
      </div>
    </div>
  );
}
