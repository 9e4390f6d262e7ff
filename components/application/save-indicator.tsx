'use client';

import { formatTime } from '@/lib/format';

export type TSaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string; unsaved?: number } | { kind: 'error'; message: string } | { kind: 'conflict'; message: string };

/** "保存中…" / "已保存 10:32" / "保存失败，重试" / a conflict with what was saved elsewhere, to resolve. */
export function SaveIndicator({ state, onRetry, onResolve }: { state: TSaveState; onRetry: () => void; onResolve?: () => void }) {
  return (
    <div aria-live="polite" className="flex min-h-8 items-center gap-2 text-sm">
      {state.kind === 'saving' && <span className="text-stone-600">保存中…</span>}
      {state.kind === 'saved' && !state.unsaved && <span className="text-green-800">已保存 {formatTime(state.at)}</span>}
      {state.kind === 'saved' && !!state.unsaved && (
        <span className="text-amber-800">已保存 {formatTime(state.at)}，{state.unsaved} 项有误未保存（见标出的字段）</span>
      )}
      {state.kind === 'error' && (
        <>
          <span className="text-red-700">{state.message}</span>
          <button type="button" onClick={onRetry} className="shrink-0 whitespace-nowrap rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50">
            保存失败，重试
          </button>
        </>
      )}
      {state.kind === 'conflict' && (
        <>
          <span className="text-amber-900">{state.message}</span>
          {onResolve && (
            <button type="button" onClick={onResolve} className="shrink-0 whitespace-nowrap rounded border border-amber-400 px-2 py-0.5 text-amber-900 hover:bg-amber-50">
              查看并处理
            </button>
          )}
        </>
      )}
    </div>
  );
}
