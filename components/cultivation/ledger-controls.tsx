'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { LedgerEntryForm } from '@/components/cultivation/ledger-entry-form';
import { deleteLedgerEntryAction, reportLedgerMonthAction } from '@/lib/cultivation/actions';

/** 上报 the month: asks first (a reported month is locked), then shows the outcome. */
export function ReportMonthButton({ cultivationId, month, monthLabel, entryCount }: { cultivationId: string; month: string; monthLabel: string; entryCount: number }) {
  const action = useConfirmedAction(() => reportLedgerMonthAction({ cultivationId, month }));
  return (
    <>
      <Button onClick={action.open} className="w-full sm:w-auto" disabled={entryCount === 0}>
        上报{monthLabel}台帐
      </Button>
      <ConfirmDialog open={action.isOpen} title={`上报${monthLabel}台帐`} confirmLabel="确认上报" tone="primary" isLoading={action.isPending} onConfirm={action.confirm} onCancel={action.close}>
        <p>本月共 {entryCount} 条记录。上报后本月台帐锁定，不能再添加或删除；如有错误，只能对原记录提交更正（写明理由），原记录保留。</p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
      </ConfirmDialog>
    </>
  );
}

export function DeleteEntryButton({ entryId, activity }: { entryId: string; activity: string }) {
  const action = useConfirmedAction(() => deleteLedgerEntryAction({ entryId }));
  return (
    <>
      <Button variant="ghost" className="text-red-700" onClick={action.open} aria-label={`删除 ${activity}`}>
        删除
      </Button>
      <ConfirmDialog open={action.isOpen} title="删除台帐记录" confirmLabel="删除" isLoading={action.isPending} onConfirm={action.confirm} onCancel={action.close}>
        <p>删除“{activity}”？本月尚未上报，删除后可重新填写。</p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
      </ConfirmDialog>
    </>
  );
}

type TCorrectProps = {
  entry: { id: string; occurredOn: string; activity: string; place: string; participants: string; summary: string };
  cultivationId: string;
  minDay: string;
  maxDay: string;
};

export function CorrectEntryButton({ entry, cultivationId, minDay, maxDay }: TCorrectProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setIsOpen(true)} aria-label={`更正 ${entry.activity}`}>
        更正
      </Button>
      <Dialog open={isOpen} onClose={() => setIsOpen(false)} title={`更正：${entry.activity}`}>
        <LedgerEntryForm
          cultivationId={cultivationId}
          minDay={minDay}
          maxDay={maxDay}
          defaultDay={entry.occurredOn}
          correcting={{ id: entry.id, values: { occurredOn: entry.occurredOn, activity: entry.activity, place: entry.place, participants: entry.participants, summary: entry.summary } }}
          onDone={() => setIsOpen(false)}
        />
      </Dialog>
    </>
  );
}
