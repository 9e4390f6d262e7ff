// The embedded postmaster's life: find one left behind by a killed run, and stop it when the process that started it dies.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExplainedError } from './explained-error.mjs';

/** Whether a process exists (a process of another user counts: kill(pid, 0) then fails with EPERM). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** { pid, ppid, name, args } of a live process, from /proc on Linux and `ps` elsewhere; null when it is gone. */
export function processInfo(pid) {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') return null;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return { pid, ppid: Number(fields[1]), name, args };
    } catch {
      return null;
    }
  }
  try {
    const line = execFileSync('ps', ['-o', 'ppid=,comm=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [ppid, command, ...args] = line.split(/\s+/);
    return { pid, ppid: Number(ppid), name: path.basename(command), args };
  } catch {
    return null;
  }
}

const describe = (info) => (info ? `${info.args.join(' ') || info.name}` : '已退出');

function samePath(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** Who started the postmaster now running in `dir` (written by startEmbeddedPostgres). */
export const ownerFile = (dir) => path.join(path.dirname(dir), `${path.basename(dir)}.owner.json`);

export function recordOwner(dir, postmasterPid) {
  writeFileSync(ownerFile(dir), JSON.stringify({ pid: process.pid, postmasterPid, args: process.argv.slice(1) }));
}

async function waitUntilGone(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || !processInfo(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * Before starting PostgreSQL in `dir`: a postmaster.pid there may belong to
 *  - a postmaster whose starter still runs (another npm run dev / npm start): refuse, naming the process to stop;
 *  - a postmaster left behind by a killed starter (its parent is gone): stop it (fast shutdown), then go on;
 *  - a process that is no postgres of this directory (the pid was reused after a crash): remove the stale file.
 * A dead pid is left to PostgreSQL itself, which clears such a file on start.
 */
export async function clearStalePostmaster(dir, { log = console.log } = {}) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = lines[3]?.trim();
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const info = processInfo(pid);
  const dataDirArg = info?.args[info.args.indexOf('-D') + 1];
  const isOurPostgres = info && (info.name === 'postgres' || path.basename(info.args[0] ?? '') === 'postgres') && info.args.includes('-D') && samePath(dataDirArg, dir);
  if (!isOurPostgres) {
    log(`内置 PostgreSQL：${pidFile} 记录的 pid ${pid} 现在是另一个进程（${describe(info)}），这是上次异常退出留下的过期文件，已删除。`);
    rmSync(pidFile, { force: true });
    return;
  }
  const owner = existsSync(ownerFile(dir)) ? JSON.parse(readFileSync(ownerFile(dir), 'utf8')) : null;
  const parent = processInfo(info.ppid);
  const starterRuns = owner ? owner.pid === info.ppid && owner.postmasterPid === pid : Boolean(parent && /node/.test(parent.name));
  if (starterRuns) {
    throw new ExplainedError(
      `内置 PostgreSQL（数据目录 ${dir}）正被另一个进程使用：PostgreSQL pid ${pid}（端口 ${port}），由 pid ${info.ppid}（${describe(parent)}）启动。` +
        `\n请先停止它（在它的终端按 Ctrl+C，或执行 kill ${info.ppid}），再重新运行；或设置 DATABASE_URL 使用另一个数据库。`,
    );
  }
  log(`发现上次未正常退出时遗留的内置 PostgreSQL（pid ${pid}，端口 ${port}，启动它的进程已不在），正在停止它…`);
  try {
    process.kill(pid, 'SIGINT');
  } catch (error) {
    throw new ExplainedError(`无法停止遗留的 PostgreSQL（pid ${pid}）：${error.message}。请以其所属用户执行 kill ${pid} 后重试。`);
  }
  if (!(await waitUntilGone(pid, 30_000))) {
    process.kill(pid, 'SIGQUIT');
    if (!(await waitUntilGone(pid, 5_000))) {
      throw new ExplainedError(`遗留的 PostgreSQL（pid ${pid}）在 35 秒内没有退出：请执行 kill -9 ${pid} 后重试。`);
    }
  }
  log('遗留的 PostgreSQL 已停止，继续启动。');
}

/**
 * Ties the postmaster's life to this process: a detached watcher (own session, so a Ctrl+C or a kill of our process
 * group does not reach it) polls our pid and stops the postmaster when we are gone, also after kill -9, which no
 * exit hook sees. Linux's PR_SET_PDEATHSIG is not reachable from Node. `removeDir`: a throw-away data directory.
 * Returns the watcher's pid (none on Windows).
 */
export function watchPostmaster(postmasterPid, { removeDir = '' } = {}) {
  if (process.platform === 'win32') return undefined;
  const script = path.join(import.meta.dirname, 'postgres-watchdog.sh');
  const child = spawn('/bin/sh', [script, String(process.pid), String(postmasterPid), removeDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid;
}
