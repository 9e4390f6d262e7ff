'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { FileUpload } from '@/components/upload/file-upload';
import { addPairingActivityAction } from '@/lib/pairing/actions';
import { PAIRING_LIMITS } from '@/lib/pairing/schema';
import type { TUploadedFile } from '@/lib/files/service';

type TValues = { occurredOn: string; activity: string; place: string; participants: string; summary: string };

/** One joint activity, phone first: recorded once, it appears in both organizations' 台帐. */
export function PairingActivityForm({ pairingId, minDay, maxDay }: { pairingId: string; minDay: string; maxDay: string }) {
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState<TValues>({ occurredOn: maxDay, activity: '', place: '', participants: '', summary: '' });
  const [photos, setPhotos] = useState<TUploadedFile[]>([]);
  const [documents, setDocuments] = useState<TUploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const set = (key: keyof TValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  function save() {
    startTransition(async () => {
      const result = await addPairingActivityAction({ ...values, pairingId, photoIds: photos.map((file) => file.id), documentIds: documents.map((file) => file.id) });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.message });
        return;
      }
      setErrors({});
      setMessage({ tone: 'success', text: '已记录共建活动，双方台帐都能看到' });
      setValues((current) => ({ ...current, activity: '', place: '', participants: '', summary: '' }));
      setPhotos([]);
      setDocuments([]);
      router.refresh();
    });
  }

  return (
    <form
      className="space-y-4"
      aria-label="记录共建活动"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field id={`${id}-day`} label="活动日期" required error={errors.occurredOn}>
        <TextInput id={`${id}-day`} type="date" min={minDay} max={maxDay} value={values.occurredOn} onChange={set('occurredOn')} invalid={!!errors.occurredOn} required />
      </Field>
      <Field id={`${id}-activity`} label="活动名称" required error={errors.activity}>
        <TextInput id={`${id}-activity`} value={values.activity} onChange={set('activity')} maxLength={PAIRING_LIMITS.activity} invalid={!!errors.activity} required />
      </Field>
      <Field id={`${id}-place`} label="地点" required error={errors.place}>
        <TextInput id={`${id}-place`} value={values.place} onChange={set('place')} maxLength={PAIRING_LIMITS.place} invalid={!!errors.place} required />
      </Field>
      <Field id={`${id}-participants`} label="参加人员" required hint="如：双方党员 30 人" error={errors.participants}>
        <TextInput id={`${id}-participants`} value={values.participants} onChange={set('participants')} maxLength={PAIRING_LIMITS.participants} invalid={!!errors.participants} required />
      </Field>
      <Field id={`${id}-summary`} label="活动内容" required error={errors.summary}>
        <textarea id={`${id}-summary`} className={`${inputClass} min-h-28`} value={values.summary} onChange={set('summary')} maxLength={PAIRING_LIMITS.summary} aria-invalid={!!errors.summary || undefined} required />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">活动照片</legend>
        <FileUpload
          slot="PHOTO"
          files={photos}
          maxFiles={PAIRING_LIMITS.photos}
          label="添加照片"
          onUploaded={(file) => setPhotos((current) => [...current, file])}
          onRemove={(file) => setPhotos((current) => current.filter((candidate) => candidate.id !== file.id))}
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">附件（签到表、活动方案等）</legend>
        <FileUpload
          slot="DOCUMENT"
          files={documents}
          maxFiles={PAIRING_LIMITS.documents}
          label="添加附件"
          onUploaded={(file) => setDocuments((current) => [...current, file])}
          onRemove={(file) => setDocuments((current) => current.filter((candidate) => candidate.id !== file.id))}
        />
      </fieldset>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" isLoading={isPending} className="w-full sm:w-auto">保存共建活动</Button>
    </form>
  );
}
