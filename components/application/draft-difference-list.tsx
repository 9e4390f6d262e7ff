'use client';

import { useRef, useState } from 'react';
import type { TDraftDifference } from '@/components/application/draft-diff';

/**
 * Copies `text`; where the Clipboard API is missing (plain http on a LAN address) or refused, selects the text in
 * `box` and asks the browser to copy the selection, leaving it selected for a long-press copy.
 */
async function copyText(text: string, box: HTMLElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (!box) return 'selected';
    window.getSelection()?.selectAllChildren(box);
    try {
      return document.execCommand('copy') ? 'copied' : 'selected';
    } catch {
      return 'selected';
    }
  }
}

function DifferenceRow({ row, otherLabel }: { row: TDraftDifference; otherLabel: string }) {
  const mineRef = useRef<HTMLDivElement>(null);
  const [copyState, setCopyState] = useState<'copied' | 'selected' | null>(null);
  const headingId = `diff-${row.name.replace('.', '-')}`;
  const box = 'max-h-60 overflow-y-auto whitespace-pre-wrap break-words rounded-md border p-3 text-sm leading-relaxed';
  return (
    <section aria-labelledby={headingId} className="space-y-2 border-t border-stone-200 pt-4 first:border-t-0 first:pt-0">
      <h3 id={headingId} className="font-semibold text-stone-900">{row.label}</h3>
      {row.changedHere === false && <p className="text-xs text-stone-600">本窗口没有改动这一栏，不同之处来自别处的修改；选择“用我的内容覆盖”时这一栏保留最新版本。</p>}
      <div className="grid gap-3 md:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <p className="text-xs font-medium text-amber-900">我的内容</p>
          <div ref={mineRef} className={`${box} border-amber-300 bg-amber-50 text-stone-900`}>{row.mine || <span className="text-stone-600">（空）</span>}</div>
          {row.mine && (
            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                onClick={() => void copyText(row.mine, mineRef.current).then(setCopyState)}
                className="min-h-9 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-100"
                aria-label={`复制我的内容：${row.label}`}
              >
                复制我的内容
              </button>
              <span aria-live="polite" className="text-xs text-green-800">
                {copyState === 'copied' ? '已复制' : copyState === 'selected' ? '已选中，请长按或按 Ctrl+C 复制' : ''}
              </span>
            </div>
          )}
        </div>
        <div className="min-w-0 space-y-1">
          <p className="text-xs font-medium text-stone-700">{otherLabel}</p>
          <div className={`${box} border-stone-200 bg-stone-50 text-stone-800`}>{row.saved || <span className="text-stone-600">（空）</span>}</div>
        </div>
      </div>
    </section>
  );
}

/** Each differing field with this window's text beside the saved text; the own text can be copied field by field. */
export function DraftDifferenceList({ rows, otherLabel = '最新保存的版本' }: { rows: TDraftDifference[]; otherLabel?: string }) {
  return (
    <div className="space-y-4">
      {rows.map((row) => (
        <DifferenceRow key={row.name} row={row} otherLabel={otherLabel} />
      ))}
    </div>
  );
}
