'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { createPromotionScheduleAction } from '@/lib/promotion/actions';
import { PROMOTION_KIND_LABELS, PROMOTION_KINDS, RECURRENCE_LABELS, RECURRENCES, type TPromotionKind } from '@/lib/promotion/schema';

/** 新建活动计划: a kind held every quarter, half-year or year from a start day (an end day optional). */
export function PromotionScheduleForm({ owners }: { owners: { id: string; name: string }[] }) {
  const router = useRouter();
  const [ownerOrgId, setOwnerOrgId] = useState(owners[0]?.id ?? '');
  const [kind, setKind] = useState<TPromotionKind>('OBSERVATION');
  const [title, setTitle] = useState('');
  const [recurrence, setRecurrence] = useState<(typeof RECURRENCES)[number]>('QUARTERLY');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await createPromotionScheduleAction({ ownerOrgId, kind, title, recurrence, startsOn, endsOn: endsOn || null }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setErrors({});
      setTitle('');
      setMessage({ tone: 'success', text: '已新建活动计划' });
      return router.refresh();
    }
    setErrors(result && !result.ok ? (result.fieldErrors ?? {}) : {});
    setMessage({ tone: 'error', text: result?.message ?? '网络异常，计划未保存' });
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {owners.length > 1 && (
        <Field id="schedule-owner" label="主办单位" required>
          <select id="schedule-owner" className={inputClass} value={ownerOrgId} onChange={(event) => setOwnerOrgId(event.target.value)}>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>{owner.name}</option>
            ))}
          </select>
        </Field>
      )}
      <Field id="schedule-title" label="计划名称" required error={errors.title}>
        <input id="schedule-title" className={inputClass} value={title} maxLength={100} placeholder="如：一季度一次现场观摩" onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="schedule-kind" label="活动类型" required>
          <select id="schedule-kind" className={inputClass} value={kind} onChange={(event) => setKind(event.target.value as TPromotionKind)}>
            {PROMOTION_KINDS.map((value) => (
              <option key={value} value={value}>{PROMOTION_KIND_LABELS[value]}</option>
            ))}
          </select>
        </Field>
        <Field id="schedule-recurrence" label="频次" required>
          <select id="schedule-recurrence" className={inputClass} value={recurrence} onChange={(event) => setRecurrence(event.target.value as (typeof RECURRENCES)[number])}>
            {RECURRENCES.map((value) => (
              <option key={value} value={value}>{RECURRENCE_LABELS[value]}</option>
            ))}
          </select>
        </Field>
        <Field id="schedule-starts" label="开始日期" required error={errors.startsOn}>
          <input id="schedule-starts" type="date" className={inputClass} value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />
        </Field>
        <Field id="schedule-ends" label="结束日期" hint="不填则长期执行" error={errors.endsOn}>
          <input id="schedule-ends" type="date" className={inputClass} value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" isLoading={busy}>新建计划</Button>
      </div>
    </form>
  );
}
