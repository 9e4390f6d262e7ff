'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { remindBranchesAction } from '@/lib/declaration-reminder/actions';
import { BRANCH_STATE_LABELS, type TBranchDeclarationState } from '@/lib/declaration-reminder/schema';

export type TProgressBranch = {
  id: string;
  name: string;
  parentName: string;
  state: TBranchDeclarationState;
  secretaryNames: string[];
  phoneCount: number;
  lastReminderText: string | null;
  remindedToday: boolean;
};

type TProps = {
  campaignId: string;
  organizationId: string;
  counts: { eligible: number; submitted: number } & Record<TBranchDeclarationState, number>;
  branches: TProgressBranch[];
  /** Why 催报 is not possible now (outside 申报), or null. */
  refusal: string | null;
  deadlineText: string | null;
};

const STATE_TONES: Record<TBranchDeclarationState, 'warning' | 'info' | 'neutral'> = { NOT_STARTED: 'warning', DRAFT: 'info', RETURNED: 'neutral' };
const STATES: TBranchDeclarationState[] = ['NOT_STARTED', 'DRAFT', 'RETURNED'];

type TSendResult = { reminded: number; messages: number; withoutPhone: string[] };

function describeResult(result: TSendResult): string {
  const parts = [`已催报 ${result.reminded} 个支部${result.messages ? `，短信 ${result.messages} 条已排队发送` : ''}`];
  if (result.withoutPhone.length) parts.push(`${result.withoutPhone.join('、')}没有登记手机号，仅在平台内提醒`);
  return `${parts.join('；')}。`;
}

/** Branches below the committee that have not submitted, with 催报 per branch and 一键催报 (once per branch per day). */
export function DeclarationProgress({ campaignId, organizationId, counts, branches, refusal, deadlineText }: TProps) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [isConfirmOpen, setIsConfirmOpen] = useState(false);
  const [, startTransition] = useTransition();
  const remindable = branches.filter((branch) => !branch.remindedToday);
  const pendingCount = counts.NOT_STARTED + counts.DRAFT + counts.RETURNED;

  async function send(key: string, branchIds?: string[]) {
    setBusy(key);
    setNotice(null);
    const response = await remindBranchesAction({ campaignId, organizationId, branchIds }).catch(() => null);
    setBusy(null);
    setIsConfirmOpen(false);
    if (!response) return setNotice({ tone: 'error', text: '网络异常，催报未完成，请重试' });
    if (!response.ok) return setNotice({ tone: 'error', text: response.message });
    setNotice({ tone: 'success', text: describeResult(response.data) });
    startTransition(() => router.refresh());
  }

  return (
    <section aria-labelledby="declaration-progress-title" className="mb-4 rounded-lg border border-stone-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id="declaration-progress-title" className="text-base font-semibold text-stone-900">下级支部申报情况</h2>
          <p className="text-sm text-stone-600">
            可申报 {counts.eligible} 个，已提交 {counts.submitted} 个，未提交 {pendingCount} 个{deadlineText ? ` · 申报截止 ${deadlineText}` : ''}
          </p>
        </div>
        {!refusal && pendingCount > 0 && (
          <Button onClick={() => setIsConfirmOpen(true)} disabled={remindable.length === 0 || busy !== null}>
            {remindable.length ? `一键催报（${remindable.length}）` : '今日已全部催报'}
          </Button>
        )}
      </header>
      <div className="space-y-3 p-4">
        <dl className="grid grid-cols-3 gap-2 text-center">
          {STATES.map((state) => (
            <div key={state} className="rounded-md bg-stone-50 px-2 py-2">
              <dt className="text-xs text-stone-600">{BRANCH_STATE_LABELS[state]}</dt>
              <dd className="text-lg font-semibold tabular-nums text-stone-900">{counts[state]}</dd>
            </div>
          ))}
        </dl>
        {refusal && <Alert tone="info">{refusal}。以下为未提交申报表的支部。</Alert>}
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {branches.length === 0 ? (
          <p className="text-sm text-stone-600">{counts.eligible ? '下级支部都已提交申报表。' : '本单位下级还没有设置支部书记账号的支部。'}</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
            {branches.map((branch) => (
              <li key={branch.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 py-3">
                <div className="min-w-0 flex-1 basis-56 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="break-all font-medium text-stone-900">{branch.name}</span>
                    <Badge tone={STATE_TONES[branch.state]}>{BRANCH_STATE_LABELS[branch.state]}</Badge>
                  </p>
                  <p className="text-xs text-stone-600">
                    {[branch.parentName, branch.secretaryNames.length ? `书记 ${branch.secretaryNames.join('、')}` : '', branch.phoneCount ? `${branch.phoneCount} 个手机号` : '未登记手机号']
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {branch.lastReminderText && <p className="text-xs text-stone-600">{branch.lastReminderText}</p>}
                </div>
                {!refusal &&
                  (branch.remindedToday ? (
                    <span className="text-sm text-stone-600">今日已催报</span>
                  ) : (
                    <Button variant="secondary" isLoading={busy === branch.id} disabled={busy !== null} aria-label={`催报 ${branch.name}`} onClick={() => void send(branch.id, [branch.id])}>
                      催报
                    </Button>
                  ))}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={isConfirmOpen}
        title="一键催报"
        confirmLabel={`确认催报 ${remindable.length} 个支部`}
        tone="primary"
        isLoading={busy === 'all'}
        onConfirm={() => void send('all')}
        onCancel={() => setIsConfirmOpen(false)}
      >
        <p>将向今天尚未催报的 {remindable.length} 个支部的书记发送短信，提醒尽快提交申报表，并在平台内留下催报记录。每个支部每天只能催报一次。</p>
      </ConfirmDialog>
    </section>
  );
}
