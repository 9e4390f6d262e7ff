'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FileUpload } from '@/components/upload/file-upload';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import type { TUploadedFile } from '@/lib/files/service';
import { requestAcceptanceAction } from '@/lib/acceptance/actions';

type TValues = { background: string; measures: string; results: string; photos: TUploadedFile[]; documents: TUploadedFile[] };

const PARTS = [
  { name: 'background', label: '一、创建背景', hint: '为什么创建这个品牌：单位职能、群众需求、党建基础' },
  { name: 'measures', label: '二、主要措施', hint: '怎么创建的：机制、载体、活动；每行以“- ”开头可写成列表' },
  { name: 'results', label: '三、工作成效', hint: '取得了什么成效：尽量用数据和事例说明；**两个星号**之间的文字显示为粗体' },
] as const;

/** 申请验收: the 成果报告 in its three parts, photos shown as figures, 证明材料; the 台帐 summary is attached on the server. */
export function AcceptanceRequestForm({ cultivationId }: { cultivationId: string }) {
  const router = useRouter();
  const { register, control, handleSubmit, setError, formState } = useForm<TValues>({ defaultValues: { background: '', measures: '', results: '', photos: [], documents: [] } });
  const [message, setMessage] = useState<string | null>(null);

  async function submit(values: TValues) {
    setMessage(null);
    const result = await requestAcceptanceAction({
      cultivationId,
      background: values.background,
      measures: values.measures,
      results: values.results,
      evidenceFileIds: [...values.photos, ...values.documents].map((file) => file.id),
    }).catch(() => null);
    if (result?.ok) {
      router.push(`/acceptance/requests/${result.data.id}`);
      return;
    }
    for (const [path, text] of Object.entries(result?.fieldErrors ?? {})) setError(path as keyof TValues, { message: text });
    setMessage(result?.message ?? '网络异常，验收申请未提交');
  }

  return (
    <form onSubmit={handleSubmit(submit)} className="space-y-5 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      {PARTS.map((part) => (
        <Field key={part.name} id={`report-${part.name}`} label={part.label} required hint={part.hint} error={formState.errors[part.name]?.message}>
          <textarea
            id={`report-${part.name}`}
            rows={6}
            maxLength={5000}
            className={inputClass}
            aria-invalid={!!formState.errors[part.name] || undefined}
            {...register(part.name, { validate: (value) => (value.trim() ? true : `请填写${part.label.slice(2)}`) })}
          />
        </Field>
      ))}
      <Controller
        control={control}
        name="photos"
        render={({ field }) => (
          <div className="space-y-1">
            <p className="text-sm font-medium text-stone-800">图片（随报告展示）</p>
            <FileUpload slot="PHOTO" files={field.value} maxFiles={12} label="上传图片" hint="最多 12 张" onUploaded={(file) => field.onChange([...field.value, file])} onRemove={(file) => field.onChange(field.value.filter((item) => item.id !== file.id))} />
          </div>
        )}
      />
      <Controller
        control={control}
        name="documents"
        render={({ field }) => (
          <div className="space-y-1">
            <p className="text-sm font-medium text-stone-800">证明材料</p>
            <FileUpload slot="DOCUMENT" files={field.value} maxFiles={8} label="上传证明材料" hint="最多 8 个" onUploaded={(file) => field.onChange([...field.value, file])} onRemove={(file) => field.onChange(field.value.filter((item) => item.id !== file.id))} />
          </div>
        )}
      />
      <p className="text-xs text-stone-500">提交时自动附上本品牌的台帐情况（已上报月份、台帐条数）。提交后不能修改；验收不通过的，可按验收意见继续创建后再次申请。</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.push('/acceptance')}>取消</Button>
        <Button type="submit" isLoading={formState.isSubmitting}>提交验收申请</Button>
      </div>
    </form>
  );
}
