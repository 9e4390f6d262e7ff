'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { QualifyDialog, type TQualifyTarget } from '@/components/qualification/qualify-dialog';
import { bulkPassAction, revokeQualificationAction } from '@/lib/qualification/actions';

export type TBoardRow = {
  id: string;
  brandName: string;
  organizationName: string;
  regionName: string;
  fieldName: string;
  isPassed: boolean;
  /** 资格审查 failed it and the branch has not resubmitted: shown for the record, nothing to act on here. */
  isFailed: boolean;
  checks: Record<string, boolean>;
  reason: string | null;
  reviewerName: string | null;
  reviewedAtText: string | null;
  resubmittedAfter: string | null;
};

type TProps = { campaignId: string; rows: TBoardRow[]; checklist: readonly string[]; canAct: boolean };

function StateBadge({ isPassed, isFailed }: { isPassed: boolean; isFailed: boolean }) {
  if (isFailed) {
    return <span className="inline-flex items-center whitespace-nowrap rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-200">未通过</span>;
  }
  return isPassed ? (
    <span className="inline-flex items-center whitespace-nowrap rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800 ring-1 ring-inset ring-green-200">已通过</span>
  ) : (
    <span className="inline-flex items-center whitespace-nowrap rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200">待审查</span>
  );
}

/** A revision of an entry this stage sent back: the reviewer checks whether the reason has been dealt with. */
function ResubmittedNote({ reason }: { reason: string }) {
  return <p className="mt-1 text-xs text-sky-800">退回后已修改重新提交 · 原退回理由：{reason}</p>;
}

const nameOf = (row: TBoardRow) => row.brandName || '未命名品牌';

/** 审查意见 of a pass, or why it failed (the branch sees the same text). */
function ReasonNote({ row }: { row: TBoardRow }) {
  if (!row.reason) return null;
  return row.isFailed ? (
    <p className="mt-1 text-xs text-red-800">不通过理由：{row.reason}</p>
  ) : (
    <p className="mt-1 text-xs text-stone-600">审查意见：{row.reason}</p>
  );
}

/** The entries at 资格审查: per-entry checklist dialog, revoking a pass, and passing several obvious cases at once. */
export function QualificationBoard({ campaignId, rows, checklist, canAct }: TProps) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState<TQualifyTarget | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'bulk' } | { kind: 'revoke'; row: TBoardRow } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const pendingRows = rows.filter((row) => !row.isPassed && !row.isFailed);
  const selectedRows = pendingRows.filter((row) => selected.has(row.id));
  const isAllSelected = pendingRows.length > 0 && selectedRows.length === pendingRows.length;
  const isSelectable = canAct && pendingRows.length > 0;

  function toggle(id: string, isOn: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (isOn) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function openConfirm(next: NonNullable<typeof confirm>) {
    setError(null);
    setNotice(null);
    setConfirm(next);
  }

  function runConfirmed() {
    if (!confirm) return;
    startTransition(async () => {
      const response =
        confirm.kind === 'bulk'
          ? await bulkPassAction({ campaignId, applicationIds: selectedRows.map((row) => row.id) }).catch(() => null)
          : await revokeQualificationAction({ applicationId: confirm.row.id }).catch(() => null);
      if (!response) return setError('网络异常，操作未完成，请重试');
      if (!response.ok) return setError(response.message);
      setNotice(confirm.kind === 'bulk' ? `已批量通过 ${selectedRows.length} 个品牌。` : `已撤销“${nameOf(confirm.row)}”的审查结果，它回到了待审查。`);
      setSelected(new Set());
      setConfirm(null);
      router.refresh();
    });
  }

  const openDialog = (row: TBoardRow) =>
    setTarget({ id: row.id, brandName: row.brandName, organizationName: row.organizationName, checks: row.checks, reason: row.reason, isPassed: row.isPassed });

  function actions(row: TBoardRow) {
    const label = nameOf(row);
    return (
      <span className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 whitespace-nowrap">
        <Link href={`/applications/${row.id}/print`} className="font-medium text-brand-700 hover:underline" aria-label={`查看 ${label} 的申报表`}>申报表</Link>
        {canAct && !row.isFailed && (
          <>
            {row.isPassed && (
              <button type="button" className="font-medium text-stone-600 hover:underline" onClick={() => openConfirm({ kind: 'revoke', row })} aria-label={`撤销 ${label} 的通过`}>
                撤销通过
              </button>
            )}
            <Button variant={row.isPassed ? 'secondary' : 'primary'} onClick={() => openDialog(row)} aria-label={`${row.isPassed ? '修改' : '审查'} ${label}`}>
              {row.isPassed ? '修改' : '审查'}
            </Button>
          </>
        )}
      </span>
    );
  }

  function reviewed(row: TBoardRow) {
    if (!row.isPassed && !row.isFailed) return <span className="text-stone-500">—</span>;
    return (
      <span className="text-stone-600">
        {row.reviewerName ?? '—'}
        <span className="block text-xs text-stone-500">{row.reviewedAtText}</span>
      </span>
    );
  }

  const checkbox = (row: TBoardRow) =>
    canAct && !row.isPassed && !row.isFailed ? (
      <input type="checkbox" className="size-4 accent-brand-700" checked={selected.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} aria-label={`选择 ${nameOf(row)}`} />
    ) : null;

  return (
    <div className="space-y-3">
      {notice && <Alert tone="success">{notice}</Alert>}
      {isSelectable && (
        <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white px-4 py-2 shadow-sm">
          <label className="flex items-center gap-2 text-sm text-stone-700">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={isAllSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(pendingRows.map((row) => row.id)) : new Set())}
            />
            全选本页待审查（{pendingRows.length}）
          </label>
          <Button onClick={() => openConfirm({ kind: 'bulk' })} disabled={!selectedRows.length}>
            批量通过{selectedRows.length ? `（${selectedRows.length}）` : ''}
          </Button>
        </div>
      )}

      <div className="hidden overflow-hidden rounded-lg border border-stone-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs text-stone-600">
            <tr>
              {isSelectable && <th scope="col" className="w-10 px-4 py-2"><span className="sr-only">选择</span></th>}
              <th scope="col" className="px-4 py-2 font-medium">品牌名称 / 申报单位</th>
              <th scope="col" className="px-4 py-2 font-medium">所属地区</th>
              <th scope="col" className="px-4 py-2 font-medium">领域</th>
              <th scope="col" className="px-4 py-2 font-medium">状态</th>
              <th scope="col" className="px-4 py-2 font-medium">审查人</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-stone-50">
                {isSelectable && <td className="px-4 py-3">{checkbox(row)}</td>}
                <td className="px-4 py-3">
                  <p className="font-medium text-stone-900">{nameOf(row)}</p>
                  <p className="text-xs text-stone-500">{row.organizationName}</p>
                  {row.resubmittedAfter && <ResubmittedNote reason={row.resubmittedAfter} />}
                  <ReasonNote row={row} />
                </td>
                <td className="px-4 py-3 text-stone-700">{row.regionName}</td>
                <td className="px-4 py-3 text-stone-700">{row.fieldName || '—'}</td>
                <td className="px-4 py-3"><StateBadge isPassed={row.isPassed} isFailed={row.isFailed} /></td>
                <td className="px-4 py-3">{reviewed(row)}</td>
                <td className="px-4 py-3 text-right">{actions(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="flex items-start gap-3">
              {checkbox(row) && <div className="pt-0.5">{checkbox(row)}</div>}
              <div className="min-w-0 flex-1">
                <div className="flex items-start justify-between gap-2">
                  <p className="break-all font-medium text-stone-900">{nameOf(row)}</p>
                  <StateBadge isPassed={row.isPassed} isFailed={row.isFailed} />
                </div>
                <p className="mt-1 text-sm text-stone-700">{row.organizationName}</p>
                <p className="mt-1 text-xs text-stone-500">{[row.regionName, row.fieldName].filter(Boolean).join(' · ')}</p>
                {row.resubmittedAfter && <ResubmittedNote reason={row.resubmittedAfter} />}
                {(row.isPassed || row.isFailed) && <p className="mt-1 text-xs text-stone-500">审查人：{row.reviewerName ?? '—'} · {row.reviewedAtText}</p>}
                <ReasonNote row={row} />
              </div>
            </div>
            <div className="mt-3 border-t border-stone-100 pt-2 text-sm">{actions(row)}</div>
          </li>
        ))}
      </ul>

      {target && <QualifyDialog target={target} checklist={checklist} onClose={() => setTarget(null)} />}
      <ConfirmDialog
        open={confirm?.kind === 'bulk'}
        title="批量通过资格审查"
        confirmLabel={`确认通过 ${selectedRows.length} 个`}
        tone="primary"
        isLoading={isPending}
        onConfirm={runConfirmed}
        onCancel={() => setConfirm(null)}
      >
        <p>以下 {selectedRows.length} 个品牌将记为<strong>全部审查项符合、通过</strong>：</p>
        <ul className="max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5">
          {selectedRows.map((row) => <li key={row.id} className="break-all">{nameOf(row)}（{row.organizationName}）</li>)}
        </ul>
        <p className="text-stone-600">只要其中一个已不在资格审查环节，本次操作将全部不生效。</p>
        {error && <Alert tone="error">{error}</Alert>}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm?.kind === 'revoke'}
        title="撤销通过"
        confirmLabel="确认撤销"
        isLoading={isPending}
        onConfirm={runConfirmed}
        onCancel={() => setConfirm(null)}
      >
        <p>撤销后，“{confirm?.kind === 'revoke' ? nameOf(confirm.row) : ''}”回到待审查，需要重新审查；已发布的品牌清单版本不受影响。</p>
        {error && <Alert tone="error">{error}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
