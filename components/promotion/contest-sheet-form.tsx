'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { saveContestSheetAction } from '@/lib/promotion/actions';

type TCriterion = { name: string; maxPoints: number };

/** A judge's sheet for one 擂台比武 presentation, phone first (as the acceptance sheet): save, or submit to lock it. */
export function ContestSheetForm({ entryId, criteria, initial }: { entryId: string; criteria: TCriterion[]; initial: { scores: number[]; comment: string } | null }) {
  const router = useRouter();
  const [scores, setScores] = useState<string[]>(criteria.map((_, index) => (initial?.scores[index] === undefined ? '' : String(initial.scores[index]))));
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(submit: boolean) {
    setMessage(null);
    const values = scores.map((value) => (value.trim() === '' ? null : Number(value)));
    if (values.some((value) => value !== null && !Number.isInteger(value))) return setMessage({ tone: 'error', text: '分数须为整数' });
    if (submit && !window.confirm('提交后不能再修改，确定提交评分？')) return;
    setBusy(true);
    const result = await saveContestSheetAction({ entryId, scores: values, comment, submit }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setMessage({ tone: 'success', text: submit ? '评分已提交' : '已保存' });
      return router.refresh();
    }
    setMessage({ tone: 'error', text: result?.message ?? '网络异常，评分未保存' });
  }

  const total = scores.reduce((sum, value) => sum + (Number(value) || 0), 0);
  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="divide-y divide-stone-200 rounded-md border border-stone-200">
        {criteria.map((criterion, index) => (
          <label key={criterion.name} className="flex items-center justify-between gap-3 p-3 text-sm">
            <span>
              {criterion.name}
              <span className="ml-1 text-xs text-stone-500">满分 {criterion.maxPoints}</span>
            </span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={criterion.maxPoints}
              className={`${inputClass} w-20 text-right`}
              aria-label={`${criterion.name}得分`}
              value={scores[index]}
              onChange={(event) => setScores((list) => list.map((value, at) => (at === index ? event.target.value : value)))}
            />
          </label>
        ))}
        <p className="flex justify-between p-3 text-sm font-medium">
          <span>合计</span>
          <span>{total} 分</span>
        </p>
      </div>
      <label className="block space-y-1 text-sm">
        <span className="font-medium text-stone-800">评语</span>
        <textarea rows={3} maxLength={500} className={inputClass} value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => save(false)} isLoading={busy}>保存</Button>
        <Button onClick={() => save(true)} isLoading={busy}>提交评分</Button>
      </div>
    </div>
  );
}
