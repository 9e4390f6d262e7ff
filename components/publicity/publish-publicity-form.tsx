'use client';

import { useForm } from 'react-hook-form';
import { useConfirmedSubmit } from '@/components/publicity/use-confirmed-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { publishPublicityAction } from '@/lib/publicity/actions';

type TValues = { startsOn: string; endsOn: string; notice: string };

/** 发布公示: the period (calendar days, Beijing time) and the notice; asks before publishing. */
export function PublishPublicityForm({ campaignId, defaults, entries }: { campaignId: string; defaults: TValues; entries: number }) {
  const form = useForm<TValues>({ defaultValues: defaults });
  const { register, formState } = form;
  const submit = useConfirmedSubmit(form, (values) => publishPublicityAction({ campaignId, ...values }), '网络异常，公示未发布');

  return (
    <form onSubmit={submit.ask} className="space-y-4" noValidate>
      {submit.message && <Alert tone="error">{submit.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="publicity-start" label="公示开始日期" required error={formState.errors.startsOn?.message}>
          <input id="publicity-start" type="date" className={inputClass} aria-invalid={Boolean(formState.errors.startsOn) || undefined} {...register('startsOn', { required: '请选择开始日期' })} />
        </Field>
        <Field id="publicity-end" label="公示结束日期" required hint="含当天，到当天 24 时止；一般不少于 5 个工作日" error={formState.errors.endsOn?.message}>
          <input id="publicity-end" type="date" className={inputClass} aria-invalid={Boolean(formState.errors.endsOn) || undefined} {...register('endsOn', { required: '请选择结束日期' })} />
        </Field>
      </div>
      <Field id="publicity-notice" label="公示说明" hint="写明反映问题的方式、受理部门和联系电话，显示在公示页面顶部" error={formState.errors.notice?.message}>
        <textarea id="publicity-notice" rows={4} className={inputClass} {...register('notice', { maxLength: { value: 1000, message: '公示说明不能超过 1000 个字' } })} />
      </Field>
      <Button type="submit">发布公示</Button>
      <ConfirmDialog open={submit.confirming} title="发布公示" confirmLabel="确认发布" tone="primary" isLoading={submit.busy} onConfirm={submit.confirm} onCancel={submit.cancel}>
        <p>将向社会公示拟表彰的 {entries} 个品牌，公示期内任何人可实名提出异议。</p>
        <p>发布后公示期不能修改，请核对日期。</p>
      </ConfirmDialog>
    </form>
  );
}
