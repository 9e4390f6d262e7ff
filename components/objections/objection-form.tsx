'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { TrackingCodePanel } from '@/components/objections/tracking-code-panel';
import { SmsCodeFields } from '@/components/sms/sms-code-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { formatFileSize } from '@/lib/format';
import { MAX_OBJECTION_FILES, OBJECTION_FILES_MAX_BYTES, ZObjectionForm, type TObjectionFormInput } from '@/lib/objections/schema';
import { fileObjectionAction, requestObjectionCodeAction } from '@/lib/objections/public-actions';

export type TObjectionEntry = { id: string; brandName: string; organizationName: string; awardName: string };

const ACCEPT = 'application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp';

/** 提出异议: real name, a phone proved by captcha + SMS code, the entry, the facts and up to 3 attachments. */
export function ObjectionForm({ campaignId, entries, entryId }: { campaignId: string; entries: TObjectionEntry[]; entryId?: string }) {
  const [files, setFiles] = useState<File[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [trackingCode, setTrackingCode] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useForm<TObjectionFormInput>({
    resolver: zodResolver(ZObjectionForm),
    defaultValues: { applicationId: entries.some((entry) => entry.id === entryId) ? entryId : '', name: '', phone: '', code: '', contact: '', facts: '' },
  });
  const { register, handleSubmit, formState, trigger, getValues, setError, setValue, watch } = form;
  const formId = useTypedBeforeHydration(setValue);
  const errors = formState.errors;
  const factsLength = (watch('facts') ?? '').trim().length;

  function chooseFiles(chosen: File[]) {
    const next = [...files, ...chosen];
    if (next.length > MAX_OBJECTION_FILES) return setFilesError(`最多上传 ${MAX_OBJECTION_FILES} 个附件`);
    if (next.reduce((sum, file) => sum + file.size, 0) > OBJECTION_FILES_MAX_BYTES) return setFilesError('附件合计不能超过 5 MB');
    setFilesError(null);
    setFiles(next);
  }

  async function onSubmit(values: TObjectionFormInput) {
    setFormError(null);
    setFilesError(null);
    const body = new FormData();
    body.set('campaignId', campaignId);
    for (const [key, value] of Object.entries(values)) body.set(key, String(value ?? ''));
    for (const file of files) body.append('attachments', file);
    const result = await fileObjectionAction(body).catch(() => null);
    if (result?.ok) {
      setTrackingCode(result.data.trackingCode);
      window.scrollTo({ top: 0 });
      return;
    }
    for (const [path, message] of Object.entries(result?.fieldErrors ?? {})) {
      if (path === 'attachments') setFilesError(message);
      else setError(path as keyof TObjectionFormInput, { message });
    }
    setFormError(result?.message ?? '网络异常，提交未完成，请重试');
  }

  if (trackingCode) return <TrackingCodePanel code={trackingCode} />;

  return (
    <form id={formId} onSubmit={handleSubmit(onSubmit)} className="space-y-5" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="applicationId" label="异议对象" error={errors.applicationId?.message} required>
        <select id="applicationId" className={inputClass} aria-invalid={errors.applicationId ? true : undefined} defaultValue={formState.defaultValues?.applicationId ?? ''} {...register('applicationId')}>
          <option value="">请选择公示名单中的品牌</option>
          {entries.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.brandName}（{entry.organizationName}）
            </option>
          ))}
        </select>
      </Field>
      <Field id="name" label="真实姓名" error={errors.name?.message} hint="实名提出，2 至 20 个字" required>
        <TextInput id="name" autoComplete="name" maxLength={20} invalid={!!errors.name} {...register('name')} />
      </Field>
      <Field id="phone" label="手机号码" error={errors.phone?.message} hint="用于验证身份和联系核实，不会公开" required>
        <TextInput id="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} invalid={!!errors.phone} {...register('phone')} />
      </Field>
      <SmsCodeFields
        readPhone={async () => ((await trigger('phone')) ? getValues('phone') : null)}
        send={(input) => requestObjectionCodeAction({ campaignId, ...input })}
        onError={setFormError}
        code={register('code')}
        codeError={errors.code?.message}
      />
      <Field id="contact" label="其他联系方式" error={errors.contact?.message} hint="选填，如通讯地址、电子邮箱（100 字以内）">
        <TextInput id="contact" maxLength={100} invalid={!!errors.contact} {...register('contact')} />
      </Field>
      <Field id="facts" label="异议事实和理由" error={errors.facts?.message} hint={`请写明具体事实、时间、地点和可以核实的线索；20 至 2000 字，已填 ${factsLength} 字`} required>
        <textarea
          id="facts"
          rows={8}
          maxLength={2000}
          className={inputClass}
          aria-invalid={errors.facts ? true : undefined}
          aria-describedby={errors.facts ? 'facts-error' : 'facts-hint'}
          {...register('facts')}
        />
      </Field>
      <div className="space-y-2">
        <p className="text-sm font-medium text-stone-800">证明材料</p>
        <p id="attachments-hint" className="text-xs text-stone-500">选填，最多 {MAX_OBJECTION_FILES} 个 PDF 或 PNG、JPEG、WebP 图片，合计不超过 5 MB。</p>
        {files.length > 0 && (
          <ul className="space-y-2">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} className="flex items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
                <span className="min-w-0 flex-1 truncate" title={file.name}>{file.name}</span>
                <span className="shrink-0 text-xs text-stone-500">{formatFileSize(file.size)}</span>
                <Button variant="ghost" className="shrink-0 text-red-700" onClick={() => setFiles(files.filter((_, other) => other !== index))} aria-label={`移除 ${file.name}`}>
                  移除
                </Button>
              </li>
            ))}
          </ul>
        )}
        {files.length < MAX_OBJECTION_FILES && (
          <>
            <input
              ref={fileInput}
              id="attachments"
              type="file"
              multiple
              accept={ACCEPT}
              className="hidden"
              onChange={(event) => {
                chooseFiles(Array.from(event.target.files ?? []));
                event.target.value = '';
              }}
            />
            <Button variant="secondary" onClick={() => fileInput.current?.click()} aria-describedby="attachments-hint">
              添加附件
            </Button>
          </>
        )}
        {filesError && <p role="alert" className="text-sm text-red-700">{filesError}</p>}
      </div>
      <p className="text-sm text-stone-600">提交即表示您承诺所反映情况真实，并愿意配合调查核实。提交后将获得查询码，凭查询码可查看办理进度和答复。</p>
      <Button type="submit" className="w-full" isLoading={formState.isSubmitting}>
        提交异议
      </Button>
    </form>
  );
}
