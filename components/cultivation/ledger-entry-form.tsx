'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { FileUpload } from '@/components/upload/file-upload';
import { addLedgerEntryAction, correctLedgerEntryAction } from '@/lib/cultivation/actions';
import { LEDGER_LIMITS } from '@/lib/cultivation/ledger-schema';
import type { TUploadedFile } from '@/lib/files/service';

type TValues = { occurredOn: string; activity: string; place: string; participants: string; summary: string; reason: string };

type TProps = {
  cultivationId: string;
  /** 'YYYY-MM-DD' bounds of the 创建期 up to today. */
  minDay: string;
  maxDay: string;
  defaultDay: string;
  /** Correcting an entry of a reported month: its id and values. */
  correcting?: { id: string; values: Omit<TValues, 'reason'> };
  onDone?: () => void;
};

/** One 台帐 entry, phone first: one column, native date picker, photos from the camera roll. */
export function LedgerEntryForm({ cultivationId, minDay, maxDay, defaultDay, correcting, onDone }: TProps) {
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState<TValues>({ occurredOn: defaultDay, activity: '', place: '', participants: '', summary: '', reason: '', ...correcting?.values });
  const [photos, setPhotos] = useState<TUploadedFile[]>([]);
  const [documents, setDocuments] = useState<TUploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const set = (key: keyof TValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  function save() {
    startTransition(async () => {
      const common = { ...values, photoIds: photos.map((file) => file.id), documentIds: documents.map((file) => file.id) };
      const result = correcting
        ? await correctLedgerEntryAction({ ...common, correctsId: correcting.id })
        : await addLedgerEntryAction({ ...common, cultivationId });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.message });
        return;
      }
      setErrors({});
      setMessage({ tone: 'success', text: correcting ? '已保存更正记录' : '已添加台帐记录' });
      if (!correcting) {
        setValues((current) => ({ ...current, activity: '', place: '', participants: '', summary: '' }));
        setPhotos([]);
        setDocuments([]);
      }
      router.refresh();
      onDone?.();
    });
  }

  return (
    <form
      className="space-y-4"
      aria-label={correcting ? '更正台帐记录' : '填写台帐'}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field id={`${id}-day`} label="活动日期" required error={errors.occurredOn}>
        <TextInput id={`${id}-day`} type="date" min={minDay} max={maxDay} value={values.occurredOn} onChange={set('occurredOn')} invalid={!!errors.occurredOn} required />
      </Field>
      <Field id={`${id}-activity`} label="活动名称" required error={errors.activity}>
        <TextInput id={`${id}-activity`} value={values.activity} onChange={set('activity')} maxLength={LEDGER_LIMITS.activity} invalid={!!errors.activity} required />
      </Field>
      <Field id={`${id}-place`} label="地点" required error={errors.place}>
        <TextInput id={`${id}-place`} value={values.place} onChange={set('place')} maxLength={LEDGER_LIMITS.place} invalid={!!errors.place} required />
      </Field>
      <Field id={`${id}-participants`} label="参加人员" required hint="如：全体党员 23 人、入党积极分子 2 人" error={errors.participants}>
        <TextInput id={`${id}-participants`} value={values.participants} onChange={set('participants')} maxLength={LEDGER_LIMITS.participants} invalid={!!errors.participants} required />
      </Field>
      <Field id={`${id}-summary`} label="活动内容" required error={errors.summary}>
        <textarea id={`${id}-summary`} className={`${inputClass} min-h-28`} value={values.summary} onChange={set('summary')} maxLength={LEDGER_LIMITS.summary} aria-invalid={!!errors.summary || undefined} required />
      </Field>
      {correcting && (
        <Field id={`${id}-reason`} label="更正理由" required error={errors.reason}>
          <TextInput id={`${id}-reason`} value={values.reason} onChange={set('reason')} maxLength={LEDGER_LIMITS.reason} invalid={!!errors.reason} required />
        </Field>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">活动照片</legend>
        <FileUpload
          slot="PHOTO"
          files={photos}
          maxFiles={LEDGER_LIMITS.photos}
          label="添加照片"
          onUploaded={(file) => setPhotos((current) => [...current, file])}
          onRemove={(file) => setPhotos((current) => current.filter((candidate) => candidate.id !== file.id))}
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">附件（会议记录、签到表等）</legend>
        <FileUpload
          slot="DOCUMENT"
          files={documents}
          maxFiles={LEDGER_LIMITS.documents}
          label="添加附件"
          onUploaded={(file) => setDocuments((current) => [...current, file])}
          onRemove={(file) => setDocuments((current) => current.filter((candidate) => candidate.id !== file.id))}
        />
      </fieldset>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" isLoading={isPending} className="w-full sm:w-auto">
        {correcting ? '保存更正' : '保存这条记录'}
      </Button>
    </form>
  );
}
