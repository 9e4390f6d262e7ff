'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DraftDifferenceList } from '@/components/application/draft-difference-list';
import type { TDraftDifference } from '@/components/application/draft-diff';

function overwriteSummary(rows: TDraftDifference[]): string {
  const mine = rows.filter((row) => row.changedHere !== false).length;
  const theirs = rows.length - mine;
  return `将保存本窗口修改过的 ${mine} 个栏目，覆盖最新版本中的对应内容${theirs ? `；只在别处修改的 ${theirs} 个栏目保留最新版本` : ''}。`;
}

type TProps = {
  open: boolean;
  onClose: () => void;
  /** Why the dialog is shown (a save refused just now, or a copy kept from an earlier visit). */
  message: string;
  /** null while the newest saved version is being read. */
  rows: TDraftDifference[] | null;
  busy: boolean;
  onOverwrite: () => void;
  onDiscard: () => void;
};

/**
 * Another window saved the draft after this one loaded it. Nothing typed here is lost: the text stays in the form
 * and in the browser's local copy until the user picks a way out, each asked once more before it happens.
 */
export function DraftConflictDialog({ open, onClose, message, rows, busy, onOverwrite, onDiscard }: TProps) {
  const [step, setStep] = useState<'choose' | 'overwrite' | 'discard'>('choose');
  const close = () => {
    setStep('choose');
    onClose();
  };
  const ready = rows !== null && !busy;
  const footer =
    step === 'choose' ? (
      <>
        <Button variant="secondary" onClick={() => setStep('discard')} disabled={!ready}>放弃我的修改，载入最新版本</Button>
        <Button onClick={() => setStep('overwrite')} disabled={!ready}>用我的内容覆盖</Button>
      </>
    ) : (
      <div className="w-full space-y-2">
        <p className="text-sm text-stone-800">
          {step === 'overwrite'
            ? overwriteSummary(rows ?? [])
            : '本窗口的修改将被丢弃，表单载入最新保存的版本。需要的文字请先用“复制我的内容”复制下来。'}
        </p>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setStep('choose')} disabled={busy}>返回</Button>
          {step === 'overwrite' ? (
            <Button onClick={onOverwrite} isLoading={busy}>确认覆盖</Button>
          ) : (
            <Button
              variant="danger"
              onClick={() => {
                setStep('choose');
                onDiscard();
              }}
            >
              确认放弃我的修改
            </Button>
          )}
        </div>
      </div>
    );
  return (
    <Dialog open={open} onClose={close} title="申报表已在别处修改" size="wide" footer={footer}>
      <div className="space-y-4">
        <div className="space-y-1 text-sm text-stone-700">
          <p>{message}</p>
          <p>你在本窗口填写的内容仍在表单里，并已保存在本设备上，不会丢失。请选择保留哪一份，或把需要的文字复制出来。</p>
        </div>
        {rows === null ? <p role="status" className="text-sm text-stone-600">正在读取最新保存的版本…</p> : <DraftDifferenceList rows={rows} />}
      </div>
    </Dialog>
  );
}
