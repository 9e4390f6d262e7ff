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

/** Paths the app reads relative to its working directory, made absolute: the standalone server runs in its own folder. */
function absolutePaths(env) {
  const uploadDir = env.UPLOAD_DIR || '.data/uploads';
  return { UPLOAD_DIR: path.resolve(ROOT, uploadDir) };
}

async function waitUntilUp(url, child, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`Next 服务进程已退出（退出码 ${child.exitCode}）`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Next 服务在 ${timeoutMs / 1000} 秒内没有就绪：${url}`);
}

/**
 * Starts Next on `port` and resolves once /api/health answers. `close()` sends SIGTERM (the server drains, stops its
 * job worker and pool: lib/runtime/shutdown.ts) and waits for the exit, at most `killAfterMs` before SIGKILL.
 */
export async function startNextServer({ dev, port, hostname = '0.0.0.0', env = {}, stdio = 'inherit', readyTimeoutMs = 120_000 }) {
  const childEnv = { ...process.env, ...env };
  Object.assign(childEnv, absolutePaths(childEnv), { NEXT_TELEMETRY_DISABLED: '1' });
  let command;
  if (dev) {
    command = [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '--port', String(port), '--hostname', hostname];
  } else {
    if (!existsSync(standaloneServer())) throw new Error('尚未构建：请先运行 npm run build。');
    command = [standaloneServer()];
    Object.assign(childEnv, { NODE_ENV: 'production', PORT: String(port), HOSTNAME: hostname, NEXT_MANUAL_SIG_HANDLE: 'true' });
  }
  const child = spawn(process.execPath, command, { cwd: ROOT, env: childEnv, stdio });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`;
  try {
    await waitUntilUp(url, child, readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    url,
    async close({ killAfterMs = 30_000 } = {}) {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
