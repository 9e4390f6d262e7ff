import { disconnectDb } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// Graceful shutdown of a server process (the standalone server.js, `next start` or `next dev`; they run with
// NEXT_MANUAL_SIG_HANDLE=true, scripts/lib/next-server.mjs): on SIGTERM/SIGINT the process is marked draining (/api/ready answers 503 "draining", so the
// load balancer stops sending new requests), waits SHUTDOWN_DRAIN_MS for that and for requests in flight, stops the job
// worker (its running jobs finish or go back to the queue), closes the database pool and exits.
// Registered once from instrumentation.ts. It only exits when no other handler of the signal exists: Next's own
// handler (unless NEXT_MANUAL_SIG_HANDLE=true) then decides when the process ends.

export type TRuntimeState = 'running' | 'draining' | 'stopped';

type TGlobal = {
  /** For a server script that owns the signals itself: `await globalThis.shutdownGracefully?.()` first. */
  shutdownGracefully?: () => Promise<void>;
  runtimeState?: TRuntimeState;
  signalHandlers?: [NodeJS.Signals, () => void][];
  shutdown?: Promise<void>;
  stopJobWorker?: () => Promise<void>;
};
const globalRuntime = globalThis as unknown as TGlobal;

export function runtimeState(): TRuntimeState {
  return globalRuntime.runtimeState ?? 'running';
}

export function isDraining(): boolean {
  return runtimeState() !== 'running';
}

export function drainMilliseconds(): number {
  const { SHUTDOWN_DRAIN_MS, NODE_ENV } = env();
  return SHUTDOWN_DRAIN_MS ?? (NODE_ENV === 'production' ? 5000 : 0);
}

export type TShutdownOptions = {
  drainMs?: number;
  /** Called as each step begins, in order: for logs and tests. */
  onStep?: (state: TRuntimeState) => void;
  /** Stops the job worker (default: the one instrumentation.ts started, lib/worker/start.ts). */
  stopWorker?: () => Promise<void>;
  /** Closes the database pool (default: the shared Prisma client and pg pool of lib/db.ts). */
  closeDatabase?: () => Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Drain, then stop the worker and the database pool; once per process (a second signal waits for the first). */
export function shutdown(options: TShutdownOptions = {}): Promise<void> {
  globalRuntime.shutdown ??= (async () => {
    const { drainMs = drainMilliseconds(), onStep, stopWorker = () => globalRuntime.stopJobWorker?.() ?? Promise.resolve(), closeDatabase = disconnectDb } = options;
    globalRuntime.runtimeState = 'draining';
    onStep?.('draining');
    log.info('收到停止信号，正在摘除流量', { drainMs });
    await sleep(drainMs);
    await stopWorker().catch((error: unknown) => log.error('任务队列停止失败', { error }));
    await closeDatabase().catch((error: unknown) => log.error('数据库连接池关闭失败', { error }));
    globalRuntime.runtimeState = 'stopped';
    onStep?.('stopped');
    log.info('已停止');
  })();
  return globalRuntime.shutdown;
}

const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

/** Installs the SIGTERM/SIGINT handlers once per process (instrumentation.ts; Next may load this module twice). */
export function registerShutdown(exit: (code: number) => void = (code) => process.exit(code)): void {
  if (globalRuntime.signalHandlers) return;
  globalRuntime.shutdownGracefully = () => shutdown();
  const installed: [NodeJS.Signals, () => void][] = [];
  globalRuntime.signalHandlers = installed;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const handler = () => {
      void shutdown().then(() => {
        // Someone else listens too (Next without NEXT_MANUAL_SIG_HANDLE, scripts/run.mjs): they end the process.
        const others = process.listeners(signal).filter((listener) => listener !== handler).length;
        if (others === 0) exit(EXIT_CODES[signal]);
      });
    };
    process.on(signal, handler);
    installed.push([signal, handler]);
  }
}

/** Tests only: back to a running process without our signal handlers. */
export function resetRuntimeForTests(): void {
  for (const [signal, handler] of globalRuntime.signalHandlers ?? []) process.off(signal, handler);
  globalRuntime.signalHandlers = undefined;
  globalRuntime.runtimeState = undefined;
  globalRuntime.shutdown = undefined;
}
