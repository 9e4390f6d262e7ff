'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { FileUpload } from '@/components/upload/file-upload';
import { closeImprovementItemAction, createImprovementItemAction } from '@/lib/belt/actions';
import { BELT_LIMITS, IMPROVEMENT_KIND_LABELS } from '@/lib/belt/schema';
import type { TUploadedFile } from '@/lib/files/service';
import { formatDate } from '@/lib/format';

export type TImprovementRow = {
  id: string;
  kind: 'PROBLEM' | 'IMPROVEMENT';
  title: string;
  detail: string;
  ownerName: string;
  ownerAccount: string | null;
  dueOn: string;
  overdue: boolean;
  status: 'OPEN' | 'CLOSED';
  closedAt: Date | null;
  closureNote: string | null;
  closedByName: string | null;
  siteName: string | null;
  evidence: { id: string; kind: 'IMAGE' | 'DOCUMENT'; originalName: string }[];
};

const dayLabel = (day: string) => formatDate(`${day}T12:00:00+08:00`);

function CloseItem({ item }: { item: TImprovementRow }) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<TUploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function close() {
    startTransition(async () => {
      const result = await closeImprovementItemAction({ itemId: item.id, closureNote: note, evidenceFileIds: files.map((file) => file.id) }).catch(() => null);
      if (!result) return setError('网络异常，销号未完成，请重试');
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setError(result.message);
      }
      setOpen(false);
      router.refresh();
    });
  }
  return (
    <>
      <Button variant="secondary" aria-label={`销号 ${item.title}`} onClick={() => setOpen(true)}>销号</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`销号：${item.title}`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>取消</Button>
            <Button isLoading={isPending} onClick={close}>确认销号</Button>
          </>
        }
      >
        <div className="space-y-3">
          <Field id={`${id}-note`} label="整改情况" required error={errors.closureNote}>
            <textarea id={`${id}-note`} className={`${inputClass} min-h-24`} maxLength={BELT_LIMITS.closureNote} value={note} onChange={(event) => setNote(event.target.value)} aria-invalid={!!errors.closureNote || undefined} />
          </Field>
          <div>
            <p className="mb-1 text-sm font-medium text-stone-800">整改佐证材料<span className="ml-0.5 text-red-700" aria-hidden>*</span></p>
            <FileUpload
              slot="DOCUMENT"
              files={files}
              maxFiles={BELT_LIMITS.evidence}
              label="上传照片或文件"
              onUploaded={(file) => setFiles((current) => [...current, file])}
              onRemove={(file) => setFiles((current) => current.filter((candidate) => candidate.id !== file.id))}
            />
            {errors.evidenceFileIds && <p role="alert" className="mt-1 text-sm text-red-700">{errors.evidenceFileIds}</p>}
          </div>
          {error && <Alert tone="error">{error}</Alert>}
        </div>
      </Dialog>
    </>
  );
}

export function ImprovementList({ items, canManage }: { items: TImprovementRow[]; canManage: boolean }) {
  if (!items.length) return <p className="text-sm text-stone-600">暂无问题清单和提升清单事项。</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {items.map((item) => (
        <li key={item.id} id={`item-${item.id}`} className="space-y-1 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={item.kind === 'PROBLEM' ? 'warning' : 'info'}>{IMPROVEMENT_KIND_LABELS[item.kind]}</Badge>
            <span className="font-medium text-stone-900">{item.title}</span>
            {item.status === 'CLOSED' ? <Badge tone="success">已销号</Badge> : item.overdue ? <Badge tone="warning">已逾期</Badge> : <Badge>未销号</Badge>}
          </div>
          {item.detail && <p className="whitespace-pre-wrap text-sm text-stone-700">{item.detail}</p>}
          <p className="text-xs text-stone-600">
            {item.siteName ? `示范点：${item.siteName} · ` : ''}责任人：{item.ownerName}
            {item.ownerAccount ? `（提醒 ${item.ownerAccount}）` : ''} · 完成时限：{dayLabel(item.dueOn)}
          </p>
          {item.status === 'CLOSED' ? (
            <div className="rounded-md bg-green-50 p-2 text-sm text-stone-800">
              <p>
                {item.closedByName ?? ''}于 {formatDate(item.closedAt)} 销号：{item.closureNote}
              </p>
              {item.evidence.length > 0 && (
                <ul className="mt-1 flex flex-wrap gap-2 text-xs">
                  {item.evidence.map((file) => (
                    <li key={file.id}>
                      <a className="text-brand-700 underline" href={`/api/files/${file.id}`} target="_blank" rel="noreferrer">{file.originalName}</a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : (
            canManage && <CloseItem item={item} />
          )}
        </li>
      ))}
    </ul>
  );
}

type TSubjectOption = { value: string; label: string };

/** 新增事项 on the belt or one of its sites, with an optional account (in the subtree) to remind when it is overdue. */
export function ImprovementForm({ beltId, sites, owners, today }: { beltId: string; sites: { id: string; name: string }[]; owners: { id: string; displayName: string }[]; today: string }) {
  const id = useId();
  const router = useRouter();
  const empty = { subject: `belt:${beltId}`, kind: 'PROBLEM' as 'PROBLEM' | 'IMPROVEMENT', title: '', detail: '', ownerName: '', ownerUserId: '', dueOn: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const subjects: TSubjectOption[] = [{ value: `belt:${beltId}`, label: '整条示范带' }, ...sites.map((site) => ({ value: `site:${site.id}`, label: `示范点：${site.name}` }))];
  function submit() {
    setError(null);
    startTransition(async () => {
      const [kind, subjectId] = values.subject.split(':');
      const result = await createImprovementItemAction({
        ...(kind === 'belt' ? { beltId: subjectId } : { siteId: subjectId }),
        kind: values.kind,
        title: values.title,
        detail: values.detail,
        ownerName: values.ownerName,
        ownerUserId: values.ownerUserId || null,
        dueOn: values.dueOn,
      }).catch(() => null);
      if (!result) return setError('网络异常，未保存，请重试');
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setError(result.message);
        const first = Object.keys(result.fieldErrors ?? {})[0];
        if (first) document.getElementById(`${id}-${first}`)?.focus();
        return;
      }
      setErrors({});
      setValues(empty);
      router.refresh();
    });
  }
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      aria-label="新增问题或提升事项"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field id={`${id}-kind`} label="清单" required>
        <select id={`${id}-kind`} className={inputClass} value={values.kind} onChange={(event) => setValues({ ...values, kind: event.target.value as 'PROBLEM' | 'IMPROVEMENT' })}>
          <option value="PROBLEM">问题清单</option>
          <option value="IMPROVEMENT">提升清单</option>
        </select>
      </Field>
      <Field id={`${id}-subject`} label="所属" required>
        <select id={`${id}-subject`} className={inputClass} value={values.subject} onChange={(event) => setValues({ ...values, subject: event.target.value })}>
          {subjects.map((subject) => (
            <option key={subject.value} value={subject.value}>{subject.label}</option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Field id={`${id}-title`} label="事项" required error={errors.title}>
          <TextInput id={`${id}-title`} value={values.title} maxLength={BELT_LIMITS.title} invalid={!!errors.title} onChange={(event) => setValues({ ...values, title: event.target.value })} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={`${id}-detail`} label="说明" error={errors.detail}>
          <textarea id={`${id}-detail`} className={`${inputClass} min-h-16`} maxLength={BELT_LIMITS.detail} value={values.detail} onChange={(event) => setValues({ ...values, detail: event.target.value })} />
        </Field>
      </div>
      <Field id={`${id}-ownerName`} label="责任人" required error={errors.ownerName}>
        <TextInput id={`${id}-ownerName`} value={values.ownerName} maxLength={BELT_LIMITS.ownerName} invalid={!!errors.ownerName} onChange={(event) => setValues({ ...values, ownerName: event.target.value })} />
      </Field>
      <Field id={`${id}-ownerUserId`} label="逾期提醒账号（可选）" error={errors.ownerUserId}>
        <select id={`${id}-ownerUserId`} className={inputClass} value={values.ownerUserId} onChange={(event) => setValues({ ...values, ownerUserId: event.target.value })}>
          <option value="">不提醒个人账号</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>{owner.displayName}</option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-dueOn`} label="完成时限" required error={errors.dueOn}>
        <TextInput id={`${id}-dueOn`} type="date" min={today} value={values.dueOn} invalid={!!errors.dueOn} onChange={(event) => setValues({ ...values, dueOn: event.target.value })} />
      </Field>
      <div className="flex items-end">
        <Button type="submit" isLoading={isPending} className="w-full sm:w-auto">新增事项</Button>
      </div>
      {error && <div className="sm:col-span-2"><Alert tone="error">{error}</Alert></div>}
    </form>
  );
}
