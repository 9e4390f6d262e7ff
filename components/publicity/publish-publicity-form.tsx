'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useConfirmedSubmit } from '@/components/publicity/use-confirmed-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { publishPublicityAction } from '@/lib/publicity/actions';
import { ZPublishPublicityForm } from '@/lib/publicity/schema';

type TValues = z.input<typeof ZPublishPublicityForm>;

/**
 * 发布公示: the period (calendar days, Beijing time), the phone and address for objections, and the notice; asks before
 * publishing. With `correctionOf`, it publishes the corrected 审定 as the next version, superseding that one.
 */
export function PublishPublicityForm({ campaignId, defaults, entries, correctionOf }: { campaignId: string; defaults: TValues; entries: number; correctionOf?: number }) {
  const action = correctionOf ? '发布更正公示' : '发布公示';
  const form = useForm<TValues>({ defaultValues: defaults, resolver: zodResolver(ZPublishPublicityForm, undefined, { raw: true }) });
  const { register, formState } = form;
  const submit = useConfirmedSubmit(form, (values) => publishPublicityAction({ campaignId, ...values }), '网络异常，公示未发布');
  const invalid = (name: keyof TValues) => Boolean(formState.errors[name]) || undefined;
  const describedBy = (id: string, name: keyof TValues) => `${id}-${formState.errors[name] ? 'error' : 'hint'}`;

  return (
    <form onSubmit={submit.ask} className="space-y-4" noValidate>
      {submit.message && <Alert tone="error">{submit.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="publicity-start" label="公示开始日期" required error={formState.errors.startsOn?.message}>
          <input id="publicity-start" type="date" className={inputClass} aria-invalid={invalid('startsOn')} {...register('startsOn')} />
        </Field>
        <Field id="publicity-end" label="公示结束日期" required hint="含当天，到当天 24 时止；一般不少于 5 个工作日" error={formState.errors.endsOn?.message}>
          <input id="publicity-end" type="date" className={inputClass} aria-invalid={invalid('endsOn')} aria-describedby={describedBy('publicity-end', 'endsOn')} {...register('endsOn')} />
        </Field>
        <Field id="publicity-phone" label="联系电话" required hint="受理异议的电话，手机或固定电话，如 0571-88886666" error={formState.errors.contactPhone?.message}>
          <input id="publicity-phone" type="tel" inputMode="tel" maxLength={30} autoComplete="off" className={inputClass} aria-invalid={invalid('contactPhone')} aria-describedby={describedBy('publicity-phone', 'contactPhone')} {...register('contactPhone')} />
        </Field>
        <Field id="publicity-address" label="通讯地址" required hint="受理书面异议的地址，含单位与房间号" error={formState.errors.contactAddress?.message}>
          <input id="publicity-address" maxLength={100} className={inputClass} aria-invalid={invalid('contactAddress')} aria-describedby={describedBy('publicity-address', 'contactAddress')} {...register('contactAddress')} />
        </Field>
      </div>
      <Field id="publicity-notice" label="公示说明" hint="反映问题的方式与要求；联系电话和通讯地址会自动附在说明之后，显示在公示页面顶部" error={formState.errors.notice?.message}>
        <textarea id="publicity-notice" rows={4} maxLength={1000} className={inputClass} aria-invalid={invalid('notice')} aria-describedby={describedBy('publicity-notice', 'notice')} {...register('notice')} />
      </Field>
      <Button type="submit">{action}</Button>
      <ConfirmDialog open={submit.confirming} title={action} confirmLabel="确认发布" tone="primary" isLoading={submit.busy} onConfirm={submit.confirm} onCancel={submit.cancel}>
        <p>将向社会公示拟表彰的 {entries} 个品牌，公示期内任何人可实名提出异议。</p>
        {correctionOf && <p className="font-medium text-amber-800">本公示为第 {correctionOf + 1} 版，发布后第 {correctionOf} 版公示显示为“已被更正公示取代”，异议按新公示受理。</p>}
        <p>发布后公示期和联系方式不能修改，请核对日期、联系电话和通讯地址。</p>
      </ConfirmDialog>
    </form>
  );
}
