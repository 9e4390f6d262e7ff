'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LevelDecisions } from '@/components/recommendation/level-decisions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import {
  notRecommendEntryAction,
  recommendEntryAction,
  returnEntryAction,
  saveOpinionAction,
  saveRankingAction,
  undoDecisionAction,
} from '@/lib/recommendation/actions';
import type { TLevelEntry } from '@/lib/recommendation/queries';

const DECISION_BADGE = {
  PENDING: { tone: 'info', label: '待推荐' },
  RECOMMENDED: { tone: 'brand', label: '已推荐' },
  NOT_RECOMMENDED: { tone: 'muted', label: '不推荐' },
} as const;

const ABOVE_LABELS: Record<NonNullable<TLevelEntry['above']>, string> = {
  PENDING: '上级审核中',
  RECOMMENDED: '上级已推荐',
  NOT_RECOMMENDED: '上级未推荐',
  QUALIFICATION: '已进入资格审查',
};

type TBoardProps = { campaignId: string; organizationId: string; entries: TLevelEntry[]; editable: boolean };

type TFilter = 'ALL' | TLevelEntry['decision'];

const FILTERS: { value: TFilter; label: string }[] = [
  { value: 'ALL', label: '全部' },
  { value: 'PENDING', label: '待推荐' },
  { value: 'RECOMMENDED', label: '已推荐' },
  { value: 'NOT_RECOMMENDED', label: '不推荐' },
];

/** The position of one entry, typed as a number: with dozens of entries that beats pressing ↑ twenty times. */
function RankInput({ position, count, label, onMove }: { position: number; count: number; label: string; onMove: (to: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  function commit() {
    if (draft === null) return;
    const to = Number.parseInt(draft, 10);
    setDraft(null);
    if (Number.isFinite(to) && to !== position) onMove(Math.min(Math.max(to, 1), count));
  }
  return (
    <input
      type="text"
      inputMode="numeric"
      pattern="[0-9]*"
      value={draft ?? String(position)}
      onChange={(event) => setDraft(event.target.value.replace(/\D/g, '').slice(0, 4))}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
      aria-label={`${label} 的排序位次`}
      className="h-9 w-11 rounded-md border border-stone-300 text-center text-base font-semibold tabular-nums text-stone-900 focus:border-focus focus:outline-none focus:ring-1 focus:ring-focus"
    />
  );
}

function OpinionBox({ entry, organizationId, editable, label }: { entry: TLevelEntry; organizationId: string; editable: boolean; label: string }) {
  const [opinion, setOpinion] = useState(entry.opinion);
  const [saved, setSaved] = useState(entry.opinion);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const id = `opinion-${entry.id}`;

  async function save() {
    if (opinion === saved) return;
    setState({ kind: 'saving' });
    const result = await saveOpinionAction({ applicationId: entry.id, organizationId, opinion }).catch(() => null);
    if (result?.ok) {
      setSaved(result.data.opinion);
      setState({ kind: 'saved' });
    } else {
      setState({ kind: 'error', message: result?.fieldErrors?.opinion ?? result?.message ?? '网络异常，推荐意见未保存' });
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-700">推荐意见</label>
      <textarea
        id={id}
        rows={2}
        value={opinion}
        maxLength={500}
        disabled={!editable || !entry.open}
        onChange={(event) => setOpinion(event.target.value)}
        onBlur={() => void save()}
        placeholder={editable && entry.open ? `对“${label}”的推荐意见，离开输入框自动保存` : '（无）'}
        className={inputClass}
        aria-describedby={`${id}-state`}
      />
      <p id={`${id}-state`} className={`text-xs ${state.kind === 'error' ? 'text-red-700' : 'text-stone-500'}`} role={state.kind === 'error' ? 'alert' : undefined}>
        {state.kind === 'saving' ? '保存中…' : state.kind === 'saved' ? '推荐意见已保存' : state.kind === 'error' ? state.message : `${opinion.length} / 500`}
      </p>
    </div>
  );
}

/** The level's entries: order them, write 推荐意见, recommend within the quota, keep back or return with a reason. */
export function RecommendationBoard({ campaignId, organizationId, entries, editable }: TBoardProps) {
  const router = useRouter();
  const [order, setOrder] = useState(entries.map((entry) => entry.id));
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [filter, setFilter] = useState<TFilter>('ALL');
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  // Entries added or removed by a refresh: keep the user's order for the rest, new ones at the end.
  const ids = [...order.filter((id) => byId.has(id)), ...entries.map((entry) => entry.id).filter((id) => !order.includes(id))];
  const orderChanged = ids.some((id, index) => entries[index]?.id !== id);

  async function run(key: string, action: () => Promise<{ ok: true } | { ok: false; message: string } | null>, success: string) {
    setBusy(key);
    setMessage(null);
    const result = await action().catch(() => null);
    setBusy(null);
    if (result?.ok) {
      setMessage({ tone: 'success', text: success });
      router.refresh();
    } else {
      setMessage({ tone: 'error', text: result?.message ?? '网络异常，操作未完成，请重试' });
    }
  }

  function moveTo(index: number, target: number) {
    const next = [...ids];
    const [item] = next.splice(index, 1);
    next.splice(target, 0, item);
    setOrder(next);
  }

  const counts = Object.fromEntries(FILTERS.map(({ value }) => [value, value === 'ALL' ? entries.length : entries.filter((entry) => entry.decision === value).length]));
  const canRank = editable && filter === 'ALL';

  if (entries.length === 0) {
    return <EmptyState title="还没有推荐到本级的申报">下级党组织提交或推荐申报后，会在这里显示。</EmptyState>;
  }

  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {entries.length > 1 && (
        <div role="group" aria-label="按推荐决定筛选" className="flex flex-wrap gap-1.5">
          {FILTERS.map(({ value, label }) => (
            <button
              key={value}
              type="button"
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
              className={`inline-flex min-h-10 shrink-0 items-center gap-1 rounded-md px-2.5 text-sm ${filter === value ? 'bg-brand-700 text-white' : 'bg-white text-stone-700 ring-1 ring-inset ring-stone-200 hover:bg-stone-50'}`}
            >
              {label}
              <span className={`rounded px-1.5 text-xs tabular-nums ${filter === value ? 'bg-white/20' : 'bg-stone-100 text-stone-600'}`}>{counts[value]}</span>
            </button>
          ))}
        </div>
      )}
      {editable && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm">
          <p className="text-stone-600">{canRank ? '用 ↑ ↓ 或填写位次调整排序，排序会写入推荐汇总表。' : '筛选时不能调整排序，请切换到“全部”。'}</p>
          <Button
            variant={orderChanged ? 'primary' : 'secondary'}
            disabled={!orderChanged}
            isLoading={busy === 'ranking'}
            onClick={() => void run('ranking', () => saveRankingAction({ campaignId, organizationId, order: ids }), '排序已保存')}
          >
            保存排序
          </Button>
        </div>
      )}
      {filter !== 'ALL' && counts[filter] === 0 && <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">没有{FILTERS.find((item) => item.value === filter)?.label}的申报。</p>}
      <ol className="space-y-3">
        {ids.map((id, index) => {
          const entry = byId.get(id)!;
          if (filter !== 'ALL' && entry.decision !== filter) return null;
          const label = entry.brandName || '未命名品牌';
          const badge = DECISION_BADGE[entry.decision];
          const canAct = editable && entry.open;
          return (
            <li key={id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex gap-3">
                <div className="flex w-10 shrink-0 flex-col items-center gap-1">
                  {canRank ? (
                    <>
                      <RankInput position={index + 1} count={ids.length} label={label} onMove={(to) => moveTo(index, to - 1)} />
                      <Button variant="ghost" className="min-h-8 px-2 py-1" disabled={index === 0} onClick={() => moveTo(index, index - 1)} aria-label={`上移 ${label}`}>↑</Button>
                      <Button variant="ghost" className="min-h-8 px-2 py-1" disabled={index === ids.length - 1} onClick={() => moveTo(index, index + 1)} aria-label={`下移 ${label}`}>↓</Button>
                    </>
                  ) : (
                    <span className="text-lg font-semibold tabular-nums text-stone-900" aria-label={`第 ${index + 1} 位`}>{index + 1}</span>
                  )}
                </div>
                <div className="min-w-0 flex-1 space-y-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 className="break-all text-base font-semibold text-stone-900">
                        <Link href={`/applications/${entry.id}/print`} className="hover:underline">{label}</Link>
                      </h3>
                      <p className="text-sm text-stone-600">{entry.organizationName}{entry.parentName ? ` · ${entry.parentName}` : ''}</p>
                      <p className="text-xs text-stone-500">{[entry.fieldName, entry.secretaryName && `党组织书记 ${entry.secretaryName}`, entry.contactPhone].filter(Boolean).join(' · ')}</p>
                    </div>
                    <div className="flex flex-wrap items-center gap-1">
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                      {entry.above && <Badge tone="neutral">{ABOVE_LABELS[entry.above]}</Badge>}
                    </div>
                  </div>
                  <LevelDecisions levels={entry.below} label="下级推荐情况" />
                  {entry.decision === 'NOT_RECOMMENDED' && entry.reason && <p className="text-sm text-stone-700">不推荐理由：{entry.reason}</p>}
                  <OpinionBox entry={entry} organizationId={organizationId} editable={editable} label={label} />
                  {canAct && (
                    <div className="flex flex-wrap gap-2">
                      {entry.decision !== 'RECOMMENDED' && (
                        <Button
                          isLoading={busy === `recommend-${id}`}
                          aria-label={`推荐 ${label}`}
                          onClick={() => void run(`recommend-${id}`, () => recommendEntryAction({ applicationId: id, organizationId }), `已推荐“${label}”`)}
                        >
                          推荐
                        </Button>
                      )}
                      {entry.decision !== 'PENDING' && (
                        <Button
                          variant="secondary"
                          isLoading={busy === `undo-${id}`}
                          aria-label={`撤回 ${label}`}
                          onClick={() => void run(`undo-${id}`, () => undoDecisionAction({ applicationId: id, organizationId }), `已撤回对“${label}”的决定`)}
                        >
                          {entry.decision === 'RECOMMENDED' ? '撤回推荐' : '撤销不推荐'}
                        </Button>
                      )}
                      {entry.decision === 'PENDING' && (
                        <ReasonDialogButton
                          label="不推荐"
                          title={`不推荐“${label}”`}
                          ariaLabel={`不推荐 ${label}`}
                          variant="secondary"
                          description="该申报将停留在本级，申报单位可以看到理由。本级推荐截止前可以撤销。"
                          confirmLabel="确认不推荐"
                          reasonLabel="不推荐理由"
                          onSubmit={(reason) => notRecommendEntryAction({ applicationId: id, organizationId, reason })}
                          onDone={() => router.refresh()}
                        />
                      )}
                      {entry.decision !== 'RECOMMENDED' && (
                        <ReasonDialogButton
                          label="退回重新申报"
                          title={`退回“${label}”`}
                          ariaLabel={`退回 ${label}`}
                          variant="ghost"
                          description="退回后，申报单位可以修改申报表并重新提交，重新提交后从本级开始重新推荐。"
                          confirmLabel="确认退回"
                          reasonLabel="退回理由"
                          onSubmit={(reason) => returnEntryAction({ applicationId: id, organizationId, reason })}
                          onDone={() => router.refresh()}
                        />
                      )}
                    </div>
                  )}
                  {editable && !entry.open && <p className="text-xs text-stone-500">上级已处理，本级的决定不能再修改。</p>}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
