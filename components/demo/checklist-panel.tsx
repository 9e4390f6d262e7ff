'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { FileUpload } from '@/components/upload/file-upload';
import { addChecklistEvidenceAction, removeChecklistEvidenceAction, setChecklistVerdictAction } from '@/lib/checklist/actions';
import { VERDICT_LABELS, type TVerdict } from '@/lib/checklist/completeness';
import type { TChecklistItemView, TChecklistView } from '@/lib/checklist/queries';
import type { TChecklistSubject } from '@/lib/checklist/schema';
import { formatDateTime } from '@/lib/format';

const VERDICT_TONES: Record<TVerdict, 'success' | 'warning' | 'neutral'> = { MET: 'success', NOT_MET: 'warning', PENDING: 'neutral' };

/**
 * The checklists of a 示范点 or a 示范带: per list its counts (达标/未达标/未评定), per item its verdict, note and
 * evidence. Evidence is saved the moment a file is uploaded; staff give verdicts (MET needs evidence), the site
 * organization's secretary only adds evidence.
 */
export function ChecklistPanel({ view }: { view: TChecklistView }) {
  const editable = !view.isRevoked;
  return (
    <div className="space-y-6">
      {view.lists.map((list, listIndex) => {
        const counts = view.completeness[listIndex];
        return (
          <section key={list.key} aria-labelledby={`list-${list.key}`} className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`list-${list.key}`} className="text-base font-semibold text-stone-900">
                {list.name}
              </h3>
              <p className="text-sm text-stone-600" data-testid={`counts-${list.key}`}>
                达标 {counts.met} · 未达标 {counts.notMet} · 未评定 {counts.pending}（共 {counts.total} 项）
              </p>
            </div>
            <ol className="divide-y divide-stone-200 rounded-md border border-stone-200">
              {list.items.map((item) => (
                <ChecklistItemRow key={item.itemIndex} subject={view.subject} item={item} canJudge={editable && view.canJudge} canAddEvidence={editable && view.canAddEvidence} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function ChecklistItemRow({ subject, item, canJudge, canAddEvidence }: { subject: TChecklistSubject; item: TChecklistItemView; canJudge: boolean; canAddEvidence: boolean }) {
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState(item.note);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = { subject, listKey: item.listKey, itemIndex: item.itemIndex };

  async function run(action: () => Promise<{ ok: boolean; message?: string } | undefined>) {
    setBusy(true);
    setError(null);
    const result = await action().catch(() => ({ ok: false, message: '网络异常，请稍后重试' }));
    setBusy(false);
    if (result && !result.ok) setError(result.message ?? '保存失败');
    else router.refresh();
  }

  return (
    <li className="space-y-2 p-3" data-testid={`item-${item.listKey}-${item.itemIndex}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-stone-900">{item.itemName}</span>
        <Badge tone={VERDICT_TONES[item.verdict]}>{VERDICT_LABELS[item.verdict]}</Badge>
      </div>
      {item.checkedAt && (
        <p className="text-xs text-stone-500">
          {item.checkedBy} 于 {formatDateTime(item.checkedAt)} 评定{item.note ? `：${item.note}` : ''}
        </p>
      )}
      {item.evidence.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={`${item.itemName}的佐证材料`}>
          {item.evidence.map((file) => (
            <li key={file.id} className="flex items-center gap-1">
              <a href={`/api/files/${file.id}`} target="_blank" rel="noreferrer" className="block">
                {file.kind === 'IMAGE' ? (
                  // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route
                  <img src={`/api/files/${file.id}?variant=thumb`} alt={file.originalName} className="size-16 rounded object-cover" />
                ) : (
                  <span className="flex size-16 items-center justify-center rounded bg-red-50 text-xs font-semibold text-red-700">PDF</span>
                )}
              </a>
              {canAddEvidence && (
                <Button variant="ghost" className="px-2 text-red-700" disabled={busy} aria-label={`移除佐证 ${file.originalName}`} onClick={() => run(() => removeChecklistEvidenceAction({ ...ref, fileId: file.id }))}>
                  移除
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAddEvidence && (
        <FileUpload
          slot="DOCUMENT"
          files={[]}
          maxFiles={10}
          label="上传佐证（照片或 PDF）"
          disabled={busy}
          onUploaded={(file) => run(() => addChecklistEvidenceAction({ ...ref, fileIds: [file.id] }))}
          onRemove={() => undefined}
        />
      )}
      {canJudge && (
        <div className="space-y-2">
          <label htmlFor={noteId} className="sr-only">
            {item.itemName}的评定说明
          </label>
          <input id={noteId} className={inputClass} maxLength={500} placeholder="评定说明（可选）" value={note} onChange={(event) => setNote(event.target.value)} />
          <div className="flex flex-wrap gap-2" role="group" aria-label={`评定“${item.itemName}”`}>
            {(['MET', 'NOT_MET', 'PENDING'] as const).map((verdict) => (
              <Button
                key={verdict}
                variant={item.verdict === verdict ? 'primary' : 'secondary'}
                disabled={busy}
                aria-pressed={item.verdict === verdict}
                onClick={() => run(() => setChecklistVerdictAction({ ...ref, verdict, note }))}
              >
                {VERDICT_LABELS[verdict]}
              </Button>
            ))}
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
