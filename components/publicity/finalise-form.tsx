'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useConfirmedSubmit } from '@/components/publicity/use-confirmed-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { finaliseCampaignAction } from '@/lib/publicity/actions';
import { ZFinaliseForm } from '@/lib/publicity/schema';

type TValues = z.input<typeof ZFinaliseForm>;

/** 发布表彰决定: title, 文号, the opening text and the date; it cannot be undone, so it asks first. */
export function FinaliseForm({ campaignId, defaults, honors, withheld }: { campaignId: string; defaults: TValues; honors: number; withheld: number }) {
  const form = useForm<TValues>({ defaultValues: defaults, resolver: zodResolver(ZFinaliseForm, undefined, { raw: true }) });
  const { register, formState } = form;
  const submit = useConfirmedSubmit(form, (values) => finaliseCampaignAction({ campaignId, ...values }), '网络异常，表彰决定未发布');
  const invalid = (name: keyof TValues) => Boolean(formState.errors[name]) || undefined;

  return (
    <form onSubmit={submit.ask} className="space-y-4" noValidate>
      {submit.message && <Alert tone="error">{submit.message}</Alert>}
      <Field id="announcement-title" label="标题" required error={formState.errors.title?.message}>
        <input id="announcement-title" className={inputClass} aria-invalid={invalid('title')} {...register('title')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="announcement-no" label="文号" required hint="如：示范市委组织部〔2026〕12号" error={formState.errors.documentNo?.message}>
          <input id="announcement-no" maxLength={50} className={inputClass} aria-invalid={invalid('documentNo')} {...register('documentNo')} />
        </Field>
        <Field id="announcement-date" label="成文日期" required error={formState.errors.issuedOn?.message}>
          <input id="announcement-date" type="date" className={inputClass} aria-invalid={invalid('issuedOn')} {...register('issuedOn')} />
        </Field>
      </div>
      <Field id="announcement-preamble" label="正文" required hint="名单按奖项自动列在正文之后" error={formState.errors.preamble?.message}>
        <textarea id="announcement-preamble" rows={6} className={inputClass} aria-invalid={invalid('preamble')} {...register('preamble')} />
      </Field>
      <Button type="submit">发布表彰决定</Button>
      <ConfirmDialog open={submit.confirming} title="发布表彰决定" confirmLabel="确认发布" tone="primary" isLoading={submit.busy} onConfirm={submit.confirm} onCancel={submit.cancel}>
        <p>将发布表彰决定，生成 {honors} 份编号证书（每个品牌的每个奖项一份），获奖品牌进入“品牌风采”展示。</p>
        {withheld > 0 && <p className="font-medium text-amber-800">{withheld} 个品牌因异议成立暂缓表彰，不列入表彰决定。</p>}
        <p>发布后不能撤回；如需取消某个品牌的荣誉，请使用“摘牌”。</p>
      </ConfirmDialog>
    </form>
  );
}
