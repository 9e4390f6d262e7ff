'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import type { AwardKind } from '@/lib/generated/prisma/enums';
import { saveDecisionDraftAction, signDecisionAction } from '@/lib/review/actions';
import { AWARD_RULES_TEXT, fitsField, isGradeAward } from '@/lib/review/award-rules';
import { tiedPlaceLabel } from '@/lib/review/ranking';

type TItem = {
  applicationId: string;
  brandName: string;
  organizationName: string;
  fieldId: string | null;
  fieldName: string;
  rank: number;
  score: number;
  proposedAwardIds: string[];
  awardIds: string[];
  changeReason: string;
};
type TValues = { meetingDate: string; attendees: string; notes: string; items: TItem[] };
type TAward = { id: string; name: string; kind: AwardKind; count: number; fieldId: string | null };

type TProps = {
  decisionId: string;
  title: string;
  initial: TValues;
  awards: TAward[];
  /** What the proposal column means: the ranking (初评) or the signed 初评 (审定). */
  proposalLabel: string;
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * The draft of a meeting decision: meeting details and the awards of each entry (one 等次奖 from a list, 单项奖 as
 * checkboxes, only those the entry's field allows); signed once, then immutable.
 */
export function DecisionEditor({ decisionId, title, initial, awards, proposalLabel }: TProps) {
  const router = useRouter();
  const { register, control, handleSubmit, getValues, setValue, formState } = useForm<TValues>({ defaultValues: initial });
  const { fields } = useFieldArray({ control, name: 'items' });
  const items = useWatch({ control, name: 'items' });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);
  const awardName = new Map(awards.map((award) => [award.id, award.name]));
  const order = new Map(awards.map((award, index) => [award.id, index]));
  const grades = awards.filter((award) => isGradeAward(award.kind));
  const gradeIds = new Set(grades.map((award) => award.id));
  const names = (ids: readonly string[]) => (ids.length ? ids.map((id) => awardName.get(id)).join('、') : '无');
  const setAwards = (index: number, ids: string[]) =>
    setValue(`items.${index}.awardIds`, [...new Set(ids)].sort((a, b) => order.get(a)! - order.get(b)!), { shouldDirty: true });

  async function save(values: TValues) {
    setMessage(null);
    const result = await saveDecisionDraftAction({
      decisionId,
      meetingDate: values.meetingDate,
      attendees: values.attendees,
      notes: values.notes,
      items: values.items.map((item) => ({ applicationId: item.applicationId, awardIds: item.awardIds, changeReason: item.changeReason })),
    }).catch(() => null);
    setMessage(result?.ok ? { tone: 'success', text: '草稿已保存' } : { tone: 'error', text: result?.message ?? '网络异常，草稿未保存' });
    return !!result?.ok;
  }

  async function sign() {
    setSigning(true);
    const saved = await save(getValues());
    const result = saved ? await signDecisionAction({ decisionId }).catch(() => null) : null;
    setSigning(false);
    setConfirming(false);
    if (result?.ok) router.refresh();
    else if (saved) setMessage({ tone: 'error', text: result?.message ?? '网络异常，未能签署' });
  }

  const counts = new Map<string, number>();
  for (const item of items) for (const id of item.awardIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const sharedRanks = new Map<number, number>();
  for (const field of fields) sharedRanks.set(field.rank, (sharedRanks.get(field.rank) ?? 0) + 1);

  return (
    <form onSubmit={handleSubmit(save)} className="space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2">
        <Field id="meeting-date" label="会议日期" required>
          <input id="meeting-date" type="date" className={inputClass} {...register('meetingDate')} />
        </Field>
        <Field id="attendees" label="参会人员" required hint="签署前必填，如：部长、常务副部长、各科室负责人">
          <input id="attendees" className={inputClass} maxLength={500} {...register('attendees')} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="notes" label="会议说明">
            <textarea id="notes" rows={2} maxLength={2000} className={inputClass} {...register('notes')} />
          </Field>
        </div>
      </div>
      <p className="text-xs text-stone-600">{AWARD_RULES_TEXT}</p>
      <ul className="flex flex-wrap gap-2 text-xs" aria-label="各奖项已选数量">
        {awards.map((award) => {
          const given = counts.get(award.id) ?? 0;
          return (
            <li key={award.id} className={`rounded px-2 py-1 ring-1 ring-inset ${given > award.count ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-stone-50 text-stone-700 ring-stone-200'}`}>
              {award.name} {given} / {award.count}
            </li>
          );
        })}
      </ul>
      <ol className="space-y-2">
        {fields.map((field, index) => {
          const chosen = items[index]?.awardIds ?? [];
          const grade = chosen.find((id) => gradeIds.has(id)) ?? '';
          const specials = awards.filter((award) => !isGradeAward(award.kind) && fitsField(award, field.fieldId));
          const changed = !sameSet(chosen, field.proposedAwardIds);
          const brand = field.brandName || '未命名品牌';
          return (
            <li key={field.id} className="grid gap-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm md:grid-cols-[3rem_1fr_16rem_1fr] md:items-start">
              <span className="text-lg font-semibold tabular-nums text-stone-900">{field.rank}</span>
              <div className="min-w-0">
                <p className="break-all font-medium text-stone-900">{brand}</p>
                <p className="text-xs text-stone-500">
                  {field.organizationName} · {field.fieldName}
                  {(sharedRanks.get(field.rank) ?? 0) > 1 && <span className="text-amber-800"> · {tiedPlaceLabel(field.rank)}</span>} · 综合 {field.score.toFixed(2)} · {proposalLabel}：{names(field.proposedAwardIds)}
                </p>
              </div>
              <div className="space-y-2">
                <label htmlFor={`grade-${field.id}`} className="sr-only">
                  {brand} 的等次奖
                </label>
                <select
                  id={`grade-${field.id}`}
                  className={inputClass}
                  value={grade}
                  onChange={(event) => setAwards(index, [...chosen.filter((id) => !gradeIds.has(id)), ...(event.target.value ? [event.target.value] : [])])}
                >
                  <option value="">不授等次奖</option>
                  {grades.map((award) => (
                    <option key={award.id} value={award.id}>
                      {award.name}
                    </option>
                  ))}
                </select>
                {specials.length > 0 && (
                  <fieldset className="space-y-1">
                    <legend className="sr-only">{brand} 的单项奖</legend>
                    {specials.map((award) => (
                      <label key={award.id} className="flex items-center gap-2 text-sm text-stone-800">
                        <input
                          type="checkbox"
                          className="size-4 accent-brand-700"
                          checked={chosen.includes(award.id)}
                          onChange={(event) => setAwards(index, event.target.checked ? [...chosen, award.id] : chosen.filter((id) => id !== award.id))}
                          aria-label={`${brand}：${award.name}`}
                        />
                        {award.name}
                      </label>
                    ))}
                  </fieldset>
                )}
              </div>
              <div>
                {changed && (
                  <>
                    <label htmlFor={`reason-${field.id}`} className="text-xs font-medium text-amber-900">
                      调整理由（必填）
                    </label>
                    <input id={`reason-${field.id}`} className={inputClass} maxLength={300} {...register(`items.${index}.changeReason`)} />
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="sticky bottom-0 -mx-4 flex flex-wrap justify-end gap-2 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
        <Button type="submit" variant="secondary" isLoading={formState.isSubmitting}>保存草稿</Button>
        <Button onClick={() => setConfirming(true)}>签署{title}</Button>
      </div>
      <ConfirmDialog open={confirming} title={`签署${title}？`} confirmLabel="确认签署" tone="primary" isLoading={signing} onConfirm={() => void sign()} onCancel={() => setConfirming(false)}>
        <p>签署后本决定不能再修改，如需更正只能新建更正版本。</p>
      </ConfirmDialog>
    </form>
  );
}
