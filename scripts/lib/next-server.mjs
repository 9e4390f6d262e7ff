// Next's own servers as child processes: `next dev` for npm run dev, the standalone server (.next/standalone/server.js,
// what production and the Dockerfile run) for npm start, the e2e tier, the cluster test and the benchmarks.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './pg.mjs';

export const distDir = () => path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');
export const standaloneServer = () => path.join(distDir(), 'standalone', 'server.js');

/**
 * After `next build`: the standalone folder gets the static files and public/ beside server.js (Next leaves that step
 * to the deployment; docs/DEPLOY.md, Dockerfile).
 */
export function copyStandaloneAssets() {
  const standalone = path.join(distDir(), 'standalone');
  const staticTarget = path.join(standalone, path.relative(ROOT, distDir()), 'static');
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(path.join(distDir(), 'static'), staticTarget, { recursive: true });
  rmSync(path.join(standalone, 'public'), { recursive: true, force: true });
  if (existsSync(path.join(ROOT, 'public'))) cpSync(path.join(ROOT, 'public'), path.join(standalone, 'public'), { recursive: true });
}

/**
 * V8's young generation for a production server: up to 32 MB per semi-space instead of 16 (Node 20's default on 64-bit,
 * grown from 1 MB). A request's objects live for the milliseconds it waits on PostgreSQL; with the small default they
 * survive two scavenges, are promoted, and fill the old generation (in bench:vote 240 MB every 15 s), whose
 * mark-compact then competes with every request in flight. bench:vote's open loop on one instance (README): p99 53–186 ms
 * in six runs without, 23–64 ms in two with. Kept when NODE_OPTIONS already sets a size. The Dockerfile sets the same.
 */
export const SEMI_SPACE_OPTION = '--max-semi-space-size=32';
export function productionNodeOptions(existing = '') {
  return /--max-semi-space-size/.test(existing) ? existing : [existing, SEMI_SPACE_OPTION].filter(Boolean).join(' ');
}

/** Paths the app reads relative to its working directory, made absolute: the standalone server runs in its own folder. */
function absolutePaths(env) {
  const uploadDir = env.UPLOAD_DIR || '.data/uploads';
  return { UPLOAD_DIR: path.resolve(ROOT, uploadDir) };
}

async function waitUntilUp(url, child, timeoutMs, output) {
  const started = Date.now();
  const said = () => (output.length ? `：\n${output.join('').slice(-3000)}` : '');
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`Next 服务进程已退出（退出码 ${child.exitCode}）${said()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Next 服务在 ${timeoutMs / 1000} 秒内没有就绪：${url}${said()}`);
}

/**
 * Starts Next on `port` and resolves once /api/health answers. `close()` sends SIGTERM (the server drains, stops its
 * job worker and pool: lib/runtime/shutdown.ts) and waits for the exit, at most `killAfterMs` before SIGKILL.
 * `inheritEnv: false` starts it with `env` alone (the drill: nothing of the caller's environment may leak in);
 * `stdio: 'pipe'` keeps the last lines it printed, for `output()` and for the error when it does not come up.
 */
export async function startNextServer({ dev, port, hostname = '0.0.0.0', env = {}, inheritEnv = true, stdio = 'inherit', readyTimeoutMs = 120_000 }) {
  const childEnv = inheritEnv ? { ...process.env, ...env } : { ...env };
  Object.assign(childEnv, absolutePaths(childEnv), { NEXT_TELEMETRY_DISABLED: '1' });
  let command;
  if (dev) {
    command = [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '--port', String(port), '--hostname', hostname];
  } else {
    if (!existsSync(standaloneServer())) throw new Error('尚未构建：请先运行 npm run build。');
    command = [standaloneServer()];
    Object.assign(childEnv, { NODE_ENV: 'production', PORT: String(port), HOSTNAME: hostname, NEXT_MANUAL_SIG_HANDLE: 'true', NODE_OPTIONS: productionNodeOptions(childEnv.NODE_OPTIONS) });
  }
  const child = spawn(process.execPath, command, { cwd: ROOT, env: childEnv, stdio: stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : stdio });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`;
  try {
    await waitUntilUp(url, child, readyTimeoutMs, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    url,
    output: () => output.join(''),
    async close({ killAfterMs = 30_000 } = {}) {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
