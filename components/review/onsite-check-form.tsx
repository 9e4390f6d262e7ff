'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FileUpload } from '@/components/upload/file-upload';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import type { TUploadedFile } from '@/lib/files/service';
import { saveOnsiteCheckAction } from '@/lib/review/actions';

type TValues = { scheduledOn: string; inspectorIds: string[]; findings: string; result: 'PENDING' | 'PASSED' | 'FAILED'; photos: TUploadedFile[] };

type TProps = {
  campaignId: string;
  applicationId: string;
  initial: { scheduledOn: string | null; inspectorIds: string[]; findings: string; result: TValues['result']; photos: TUploadedFile[] };
  inspectors: { id: string; displayName: string }[];
  backHref: string;
};

const RESULTS: { value: TValues['result']; label: string; hint: string }[] = [
  { value: 'PENDING', label: '待核验', hint: '已安排，尚未核验' },
  { value: 'PASSED', label: '核验通过', hint: '与申报材料相符' },
  { value: 'FAILED', label: '核验未通过', hint: '不能进入表彰名单' },
];

/** 实地核验记录: date, inspectors, findings, photos, result — saved together with one audit row. */
export function OnsiteCheckForm({ campaignId, applicationId, initial, inspectors, backHref }: TProps) {
  const router = useRouter();
  const { register, control, handleSubmit, setError, formState } = useForm<TValues>({
    defaultValues: { scheduledOn: initial.scheduledOn ?? '', inspectorIds: initial.inspectorIds, findings: initial.findings, result: initial.result, photos: initial.photos },
  });
  const [message, setMessage] = useState<string | null>(null);

  async function save(values: TValues) {
    setMessage(null);
    const result = await saveOnsiteCheckAction({
      campaignId,
      applicationId,
      scheduledOn: values.scheduledOn || null,
      inspectorIds: values.inspectorIds,
      findings: values.findings,
      result: values.result,
      photoIds: values.photos.map((photo) => photo.id),
    }).catch(() => null);
    if (result?.ok) {
      router.push(`${backHref}?saved=1`);
      return;
    }
    for (const [path, text] of Object.entries(result?.fieldErrors ?? {})) setError(path as keyof TValues, { message: text });
    setMessage(result?.message ?? '网络异常，核验记录未保存');
  }

  return (
    <form onSubmit={handleSubmit(save)} className="space-y-5 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="onsite-date" label="核验日期" error={formState.errors.scheduledOn?.message}>
        <input id="onsite-date" type="date" className={inputClass} {...register('scheduledOn')} />
      </Field>
      <Controller
        control={control}
        name="inspectorIds"
        render={({ field }) => (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-stone-800">核验人员</legend>
            {formState.errors.inspectorIds?.message && <p role="alert" className="text-sm text-red-700">{formState.errors.inspectorIds.message}</p>}
            <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 p-2 sm:grid-cols-2">
              {inspectors.map((person) => (
                <label key={person.id} className="flex min-h-10 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-700"
                    checked={field.value.includes(person.id)}
                    onChange={() => field.onChange(field.value.includes(person.id) ? field.value.filter((id) => id !== person.id) : [...field.value, person.id])}
                  />
                  {person.displayName}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      />
      <Field id="onsite-findings" label="核验情况" error={formState.errors.findings?.message} hint="阵地、台账、群众评价等与申报材料是否相符；记录结果时必填">
        <textarea id="onsite-findings" rows={5} maxLength={2000} className={inputClass} {...register('findings')} />
      </Field>
      <Controller
        control={control}
        name="photos"
        render={({ field }) => (
          <div className="space-y-1">
            <p className="text-sm font-medium text-stone-800">现场照片</p>
            <FileUpload
              slot="PHOTO"
              files={field.value}
              maxFiles={12}
              onUploaded={(file) => field.onChange([...field.value, file])}
              onRemove={(file) => field.onChange(field.value.filter((item) => item.id !== file.id))}
              label="上传照片"
              hint="最多 12 张"
            />
          </div>
        )}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">核验结果</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {RESULTS.map((option) => (
            <label key={option.value} className="flex min-h-12 items-start gap-2 rounded-md border border-stone-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" value={option.value} className="mt-0.5 size-4 accent-brand-700" {...register('result')} />
              <span>
                {option.label}
                <span className="block text-xs text-stone-500">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.push(backHref)}>取消</Button>
        <Button type="submit" isLoading={formState.isSubmitting}>保存核验记录</Button>
      </div>
    </form>
  );
}
