'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import type { TScoreCriterion } from '@/lib/demo/templates';
import { assessDemoSiteAction } from '@/lib/demo-site/actions';

/** A yearly assessment on the program's score sheet; each save is a new version, the total is computed by the server. */
export function AssessmentForm({ siteId, sheet, years, defaultYear }: { siteId: string; sheet: TScoreCriterion[]; years: number[]; defaultYear: number }) {
  const router = useRouter();
  const [year, setYear] = useState(defaultYear);
  const [scores, setScores] = useState<string[]>(sheet.map(() => ''));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = scores.reduce((sum, score) => sum + (Number(score) || 0), 0);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await assessDemoSiteAction({ siteId, year, scores: scores.map((score) => (score.trim() === '' ? Number.NaN : Number(score))), comment }).catch(() => null);
    setBusy(false);
    if (!result) return setMessage('网络异常，请稍后重试');
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setMessage(result.message);
    }
    setErrors({});
    setScores(sheet.map(() => ''));
    setComment('');
    setMessage(`已保存 ${year} 年第 ${result.data.version} 版考评，总分 ${result.data.total} 分`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="年度量化考评">
      <Field id="assess-year" label="考评年度" required>
        <select id="assess-year" className={inputClass} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((option) => (
            <option key={option} value={option}>
              {option} 年
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {sheet.map((criterion, index) => (
          <Field key={criterion.name} id={`score-${index}`} label={`${criterion.name}（满分 ${criterion.maxPoints}）`} error={errors[`scores.${index}`]} required>
            <TextInput
              id={`score-${index}`}
              inputMode="numeric"
              value={scores[index]}
              invalid={!!errors[`scores.${index}`]}
              onChange={(event) => setScores((current) => current.map((value, at) => (at === index ? event.target.value : value)))}
            />
          </Field>
        ))}
      </div>
      <Field id="assess-comment" label="评语">
        <textarea id="assess-comment" className={inputClass} rows={2} maxLength={500} value={comment} onChange={(event) => setComment(event.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isLoading={busy}>
          保存考评
        </Button>
        <span className="text-sm text-stone-600">合计 {total} 分</span>
      </div>
      {message && (
        <p role="status" className="text-sm text-stone-700">
          {message}
        </p>
      )}
    </form>
  );
}
