'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { decideAcceptanceAction } from '@/lib/acceptance/actions';

/** 验收结论: 通过 (认定, a recognition number and certificate) or 不通过 with written findings. */
export function AcceptanceDecideForm({ requestId, ready }: { requestId: string; ready: boolean }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<'PASS' | 'FAIL'>('PASS');
  const [findings, setFindings] = useState('');
  const [onsiteNote, setOnsiteNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setMessage(null);
    const result = await decideAcceptanceAction({ requestId, outcome, findings, onsiteNote }).catch(() => null);
    setBusy(false);
    if (result?.ok) return router.refresh();
    setMessage(result?.fieldErrors?.findings ?? result?.message ?? '网络异常，验收结论未保存');
  }

  return (
    <div className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      {!ready && <Alert tone="info">验收组全部专家提交评分后才能作出结论。</Alert>}
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">验收结论</legend>
        {(
          [
            { value: 'PASS', label: '通过，予以认定', hint: '生成认定编号与认定证书，品牌风采中显示“认定”' },
            { value: 'FAIL', label: '不通过', hint: '须写明验收意见，品牌回到培育创建，可再次申请' },
          ] as const
        ).map((option) => (
          <label key={option.value} className="flex min-h-12 items-start gap-2 rounded-md border border-stone-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="outcome" value={option.value} checked={outcome === option.value} onChange={() => setOutcome(option.value)} className="mt-0.5 size-4 accent-brand-700" />
            <span>
              {option.label}
              <span className="block text-xs text-stone-500">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="acceptance-findings" label="验收意见" hint={outcome === 'FAIL' ? '不通过时必填：存在的问题和改进要求' : '可选'}>
        <textarea id="acceptance-findings" rows={5} maxLength={3000} className={inputClass} value={findings} onChange={(event) => setFindings(event.target.value)} />
      </Field>
      <Field id="acceptance-onsite" label="实地核验情况" hint="可选：验收组实地查看的情况">
        <textarea id="acceptance-onsite" rows={3} maxLength={2000} className={inputClass} value={onsiteNote} onChange={(event) => setOnsiteNote(event.target.value)} />
      </Field>
      <div className="flex justify-end">
        <Button onClick={submit} isLoading={busy} disabled={!ready} variant={outcome === 'FAIL' ? 'danger' : 'primary'}>
          {outcome === 'PASS' ? '确认通过并认定' : '确认不通过'}
        </Button>
      </div>
    </div>
  );
}
