'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { addAssignmentAction, removeAssignmentAction, reopenSheetAction } from '@/lib/review/actions';
import type { TAssignmentBoard } from '@/lib/review/queries';

type TEntry = TAssignmentBoard['entries'][number];

const SHEET_STATE = {
  SUBMITTED: { tone: 'success', label: '已提交' },
  DRAFT: { tone: 'warning', label: '评分中' },
  NEW: { tone: 'neutral', label: '未开始' },
} as const;

/** 手动添加专家: pick from the experts without a conflict, give a reason. */
function AddExpertButton({ campaignId, entry, round, onDone }: { campaignId: string; entry: TEntry; round: number; onDone: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [expertId, setExpertId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = entry.brandName || '未命名品牌';

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await addAssignmentAction({ campaignId, applicationId: entry.id, expertId, reason, round }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setOpen(false);
      setExpertId('');
      setReason('');
      onDone();
    } else {
      setError(result?.fieldErrors?.reason ?? result?.fieldErrors?.expertId ?? result?.message ?? '网络异常，未能添加');
    }
  }

  return (
    <>
      <Button variant="ghost" className="min-h-8 px-2 py-1 text-sm" disabled={!entry.candidates.length} onClick={() => setOpen(true)} aria-label={`为 ${label} 添加专家`}>
        + 添加专家
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`为“${label}”添加专家`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>取消</Button>
            <Button isLoading={busy} disabled={!expertId} onClick={() => void confirm()}>确认添加</Button>
          </>
        }
      >
        <div className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <Field id={`${id}-expert`} label="专家" required hint="只列出与该申报单位无回避关系的专家；★ 为同领域专家">
            <select id={`${id}-expert`} value={expertId} onChange={(event) => setExpertId(event.target.value)} className={inputClass}>
              <option value="">请选择</option>
              {entry.candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.isFieldMatch ? '★ ' : ''}
                  {candidate.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-reason`} label="添加理由" required hint="5 至 500 字，记入操作日志">
            <textarea id={`${id}-reason`} rows={3} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} className={inputClass} />
          </Field>
        </div>
      </Dialog>
    </>
  );
}

/** Every entry of the round with its experts: remove a sheet not yet submitted, reopen a submitted one, add by hand. */
export function AssignmentBoard({ campaignId, board, perEntry, canChange, round }: { campaignId: string; board: TAssignmentBoard; perEntry: number; canChange: boolean; round: number }) {
  const router = useRouter();
  const refresh = () => router.refresh();
  if (!board.entries.length) return null;
  return (
    <ul className="space-y-3">
      {board.entries.map((entry) => {
        const short = entry.sheets.length < perEntry;
        const label = entry.brandName || '未命名品牌';
        return (
          <li key={entry.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="break-all font-semibold text-stone-900">{label}</h3>
                <p className="text-xs text-stone-500">
                  {entry.organizationName} · {entry.fieldName}
                </p>
              </div>
              <p className={`text-sm tabular-nums ${short ? 'font-medium text-amber-800' : 'text-stone-600'}`}>
                {short ? `专家不足：${entry.sheets.length} / ${perEntry} 位` : `${entry.sheets.length} 位专家`}
              </p>
            </div>
            {entry.sheets.length > 0 && (
              <ul className="mt-3 divide-y divide-stone-100 rounded-md border border-stone-100">
                {entry.sheets.map((sheet) => {
                  const state = SHEET_STATE[sheet.state];
                  return (
                    <li key={sheet.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-stone-800">{sheet.expertName}</span>
                        <Badge tone={state.tone}>{sheet.state === 'DRAFT' ? `${state.label} ${sheet.scored} / ${board.criteriaCount}` : state.label}</Badge>
                        {sheet.source === 'MANUAL' && <span className="text-xs text-stone-500" title={sheet.reason ?? ''}>手动添加</span>}
                      </span>
                      {canChange && sheet.state !== 'SUBMITTED' && (
                        <ReasonDialogButton
                          label="移除"
                          title={`移除${sheet.expertName}对“${label}”的评审`}
                          ariaLabel={`移除 ${sheet.expertName} 对 ${label} 的评审`}
                          variant="ghost"
                          description="已保存的草稿评分将一并删除。"
                          confirmLabel="确认移除"
                          reasonLabel="移除理由"
                          onSubmit={(reason) => removeAssignmentAction({ assignmentId: sheet.id, reason })}
                          onDone={refresh}
                        />
                      )}
                      {sheet.state === 'SUBMITTED' && (
                        <ReasonDialogButton
                          label="重新开放"
                          title={`重新开放${sheet.expertName}的评分表`}
                          ariaLabel={`重新开放 ${sheet.expertName} 对 ${label} 的评分表`}
                          variant="ghost"
                          description="专家可以修改后再次提交；理由会显示给专家并记入操作日志。"
                          confirmLabel="确认重新开放"
                          reasonLabel="重新开放理由"
                          onSubmit={(reason) => reopenSheetAction({ assignmentId: sheet.id, reason })}
                          onDone={refresh}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {canChange && (
              <div className="mt-2">
                <AddExpertButton campaignId={campaignId} entry={entry} round={round} onDone={refresh} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
