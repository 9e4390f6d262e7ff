'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { addBeltSiteAction, moveBeltSiteAction, removeBeltSiteAction } from '@/lib/belt/actions';

type TStop = { id: string; routeOrder: number; name: string; organizationName: string };
type TCandidate = { id: string; name: string; organizationName: string };

/** The route's sites in order with 上移 / 下移 / 移出, and a picker of the program's sites that may be added at the end. */
export function BeltSitesEditor({ beltId, stops, candidates, minSites }: { beltId: string; stops: TStop[]; candidates: TCandidate[]; minSites: number }) {
  const id = useId();
  const router = useRouter();
  const [siteId, setSiteId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(action: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) {
    setError(null);
    startTransition(async () => {
      const result = await action().catch(() => ({ ok: false as const, message: '网络异常，操作未完成，请重试' }));
      if (!result.ok) return setError(result.message);
      setNotice(done);
      router.refresh();
    });
  }

  const short = Math.max(0, minSites - stops.length);
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700" aria-live="polite">
        线路上 {stops.length} 个示范点{short ? `，还差 ${short} 个才能提交立项（至少 ${minSites} 个）` : `，已达到立项所需的 ${minSites} 个`}。
      </p>
      {stops.length > 0 && (
        <ol className="divide-y divide-stone-200 rounded-md border border-stone-200" aria-label="线路顺序">
          {stops.map((stop, index) => (
            <li key={stop.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-700 text-xs font-bold text-white" aria-hidden>{stop.routeOrder}</span>
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-stone-900">{stop.name}</span>
                <span className="block text-xs text-stone-500">{stop.organizationName}</span>
              </span>
              <span className="flex w-full justify-end gap-1 sm:w-auto">
                <Button variant="ghost" disabled={isPending || index === 0} aria-label={`上移 ${stop.name}`} onClick={() => run(() => moveBeltSiteAction({ beltId, siteId: stop.id, direction: 'up' }), `已上移“${stop.name}”`)}>上移</Button>
                <Button variant="ghost" disabled={isPending || index === stops.length - 1} aria-label={`下移 ${stop.name}`} onClick={() => run(() => moveBeltSiteAction({ beltId, siteId: stop.id, direction: 'down' }), `已下移“${stop.name}”`)}>下移</Button>
                <Button variant="ghost" className="text-red-700" disabled={isPending} aria-label={`移出 ${stop.name}`} onClick={() => run(() => removeBeltSiteAction({ beltId, siteId: stop.id }), `已移出“${stop.name}”`)}>移出</Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {candidates.length > 0 ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field id={`${id}-site`} label="加入示范点（排在线路末尾）">
              <select id={`${id}-site`} className={inputClass} value={siteId} onChange={(event) => setSiteId(event.target.value)}>
                <option value="">请选择示范点</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>{candidate.name}（{candidate.organizationName}）</option>
                ))}
              </select>
            </Field>
          </div>
          <Button
            variant="secondary"
            disabled={isPending || !siteId}
            onClick={() => {
              const chosen = candidates.find((candidate) => candidate.id === siteId);
              run(() => addBeltSiteAction({ beltId, siteId }), `已加入“${chosen?.name ?? ''}”`);
              setSiteId('');
            }}
          >
            加入线路
          </Button>
        </div>
      ) : (
        <p className="text-sm text-stone-600">本单位范围内没有可加入的示范点了（只能加入本示范建设项目中未摘牌的示范点）。</p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {!error && notice && <p className="sr-only" role="status">{notice}</p>}
    </div>
  );
}
