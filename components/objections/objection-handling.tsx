'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useConfirmedSubmit } from '@/components/publicity/use-confirmed-submit';
import { FileUpload } from '@/components/upload/file-upload';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import type { ObjectionStatus } from '@/lib/generated/prisma/enums';
import { acceptObjectionAction, answerObjectionAction, declineObjectionAction, investigateObjectionAction, noteObjectionAction } from '@/lib/objections/actions';
import { MAX_STEP_FILES, ZAnswerObjection, type TAnswerObjectionInput } from '@/lib/objections/schema';
import { OBJECTION_OUTCOME_LABELS } from '@/lib/objections/status';
import type { TUploadedFile } from '@/lib/files/service';

/** The steps open to staff for the objection's state; a closed objection shows none of this. */
export function ObjectionHandling({ objectionId, status }: { objectionId: string; status: ObjectionStatus }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const done = () => router.refresh();

  async function accept() {
    setAccepting(true);
    setMessage(null);
    const result = await acceptObjectionAction({ objectionId }).catch(() => null);
    setAccepting(false);
    if (result?.ok) return done();
    setMessage(result?.message ?? '网络异常，操作未完成，请重试');
  }

  return (
    <div className="space-y-5">
      {message && <Alert tone="error">{message}</Alert>}
      <div className="flex flex-wrap gap-2">
        {status === 'RECEIVED' && (
          <Button onClick={() => void accept()} isLoading={accepting}>
            受理
          </Button>
        )}
        {status === 'ACCEPTED' && (
          <ReasonDialogButton
            label="开始调查"
            variant="secondary"
            description="写明调查核实的安排（如调阅材料、走访、谈话），记入办理记录；异议人只看到“调查核实”这一步和日期。"
            reasonLabel="调查安排"
            confirmLabel="开始调查"
            onSubmit={async (note) => investigateObjectionAction({ objectionId, note }).then((result) => (result.ok ? result : { ...result, fieldErrors: { reason: result.fieldErrors?.note ?? result.message } }))}
            onDone={done}
          />
        )}
        {(status === 'RECEIVED' || status === 'ACCEPTED') && (
          <ReasonDialogButton
            label="不予受理"
            description="不予受理后异议即办结，理由将作为答复显示给异议人，不能再修改。"
            reasonLabel="不予受理的理由"
            confirmLabel="确认不予受理"
            onSubmit={async (reason) => declineObjectionAction({ objectionId, reason })}
            onDone={done}
          />
        )}
      </div>
      {(status === 'ACCEPTED' || status === 'INVESTIGATING') && <AnswerForm objectionId={objectionId} />}
      <NoteForm objectionId={objectionId} />
    </div>
  );
}

function AnswerForm({ objectionId }: { objectionId: string }) {
  const form = useForm<TAnswerObjectionInput>({ resolver: zodResolver(ZAnswerObjection), defaultValues: { objectionId, answer: '' } });
  const submit = useConfirmedSubmit(form, answerObjectionAction, '网络异常，答复未完成，请重试');
  const errors = form.formState.errors;
  const outcome = form.watch('outcome');
  return (
    <form onSubmit={submit.ask} className="space-y-3 rounded-lg border border-stone-200 p-4" noValidate aria-labelledby="answer-title">
      <h3 id="answer-title" className="font-semibold text-stone-900">答复</h3>
      {submit.message && <Alert tone="error">{submit.message}</Alert>}
      <fieldset className="space-y-2" aria-describedby={errors.outcome ? 'outcome-error' : undefined}>
        <legend className="text-sm font-medium text-stone-800">
          核查结论<span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        {(['DISMISSED', 'UPHELD'] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-stone-800">
            <input type="radio" value={value} className="size-4 accent-brand-700" {...form.register('outcome')} />
            {OBJECTION_OUTCOME_LABELS[value]}
          </label>
        ))}
        {errors.outcome && <p id="outcome-error" role="alert" className="text-sm text-red-700">{errors.outcome.message}</p>}
      </fieldset>
      <Field id="answer" label="答复意见" error={errors.answer?.message} hint="将原文显示给异议人；10 至 2000 字" required>
        <textarea id="answer" rows={5} className={inputClass} aria-invalid={errors.answer ? true : undefined} aria-describedby={errors.answer ? 'answer-error' : 'answer-hint'} {...form.register('answer')} />
      </Field>
      <Button type="submit">答复</Button>
      <ConfirmDialog open={submit.confirming} title="确认答复" confirmLabel="确认答复" tone="primary" isLoading={submit.busy} onConfirm={() => void submit.confirm()} onCancel={submit.cancel}>
        <p>结论：{outcome ? OBJECTION_OUTCOME_LABELS[outcome] : ''}</p>
        <p>答复后异议即办结，答复意见将显示给异议人，不能再修改。{outcome === 'UPHELD' ? '该品牌将不列入表彰决定。' : ''}</p>
      </ConfirmDialog>
    </form>
  );
}

function NoteForm({ objectionId }: { objectionId: string }) {
  const router = useRouter();
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<TUploadedFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    setError(null);
    const result = await noteObjectionAction({ objectionId, note, fileIds: files.map((file) => file.id) }).catch(() => null);
    setSaving(false);
    if (result?.ok) {
      setNote('');
      setFiles([]);
      router.refresh();
      return;
    }
    setError(result?.fieldErrors?.note ?? result?.message ?? '网络异常，保存未完成，请重试');
  }

  return (
    <div className="space-y-3 rounded-lg border border-stone-200 p-4">
      <h3 className="font-semibold text-stone-900">工作记录</h3>
      <Field id="objection-note" label="记录内容" error={error ?? undefined} hint="仅工作人员可见，不显示给异议人">
        <textarea id="objection-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? 'objection-note-error' : 'objection-note-hint'} />
      </Field>
      <FileUpload slot="DOCUMENT" files={files} maxFiles={MAX_STEP_FILES} label="添加工作材料" hint={`PDF 或图片，最多 ${MAX_STEP_FILES} 个`} onUploaded={(file) => setFiles((list) => [...list, file])} onRemove={(file) => setFiles((list) => list.filter((other) => other.id !== file.id))} />
      <Button variant="secondary" onClick={() => void save()} isLoading={saving}>
        保存记录
      </Button>
    </div>
  );
}
