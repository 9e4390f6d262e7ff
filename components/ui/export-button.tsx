'use client';

// The one download button of every export: fetches the file, reads the body as it streams in and shows what arrived
// (a bar when the server sends a size: Content-Length, or X-Export-Estimate with X-Export-Rows for streamed sheets),
// lets the user cancel, then saves the file under the server's name. Without JavaScript it is a plain download link.
import { useRef, useState, type MouseEvent } from 'react';
import { buttonClass } from '@/components/ui/button';

type TState =
  | { kind: 'idle' }
  | { kind: 'loading'; received: number; total: number | null; rows: number | null }
  | { kind: 'done'; received: number; rows: number | null }
  | { kind: 'failed'; message: string };

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The file name of Content-Disposition: filename* (UTF-8) first, then filename. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const encoded = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a malformed name: use the plain one
    }
  }
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

export function ExportButton({ href, label = '导出 Excel', fileName = 'export.xlsx', variant = 'secondary' }: { href: string; label?: string; fileName?: string; variant?: 'primary' | 'secondary' }) {
  const [state, setState] = useState<TState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.kind === 'loading') return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'loading', received: 0, total: null, rows: null });
    try {
      const response = await fetch(href, { signal: abort.signal, credentials: 'same-origin' });
      if (!response.ok || !response.body) {
        const text = (await response.text().catch(() => '')).trim();
        setState({ kind: 'failed', message: text && text.length < 200 ? text : `导出失败（${response.status}）` });
        return;
      }
      const number = (name: string) => {
        const value = Number(response.headers.get(name) ?? '');
        return Number.isFinite(value) && value > 0 ? value : null;
      };
      const total = number('Content-Length') ?? number('X-Export-Estimate');
      const rows = number('X-Export-Rows') ?? (response.headers.has('X-Export-Rows') ? 0 : null);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setState({ kind: 'loading', received, total, rows });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = dispositionFileName(response.headers.get('Content-Disposition'), fileName);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'done', received, rows });
    } catch (error) {
      setState(abort.signal.aborted ? { kind: 'idle' } : { kind: 'failed', message: error instanceof Error && error.message ? `导出中断：${error.message}` : '导出中断，请重试' });
    } finally {
      controller.current = null;
    }
  }

  const percent = state.kind === 'loading' && state.total ? Math.min(99, Math.round((state.received / state.total) * 100)) : null;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <span className="inline-flex items-center gap-2">
        <a href={href} download onClick={download} className={buttonClass(variant)} aria-busy={state.kind === 'loading'} aria-disabled={state.kind === 'loading'}>
          {state.kind === 'loading' && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
          {label}
        </a>
        {state.kind === 'loading' && (
          <button type="button" className="text-sm text-slate-600 underline" onClick={() => controller.current?.abort()}>
            取消
          </button>
        )}
      </span>
      {state.kind !== 'idle' && (
        <span role="status" aria-live="polite" className="flex min-w-48 flex-col gap-1 text-xs text-slate-600" data-export-state={state.kind}>
          {state.kind === 'loading' && (
            <>
              <progress className="h-1.5 w-48" max={100} value={percent ?? undefined} aria-label="导出进度" />
              <span>
                正在导出{state.rows !== null ? `（共 ${state.rows} 行）` : ''}：已接收 {kb(state.received)}
                {percent !== null ? `，约 ${percent}%` : ''}
              </span>
            </>
          )}
          {state.kind === 'done' && (
            <span>
              已导出{state.rows !== null ? ` ${state.rows} 行` : ''}（{kb(state.received)}）
            </span>
          )}
          {state.kind === 'failed' && <span className="text-red-700">{state.message}</span>}
        </span>
      )}
    </span>
  );
}
