import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processInfo } from '../../scripts/lib/postmaster.mjs';

// npm run dev / npm start keep their database in .data/pg; these tests use a data dir of their own, started by a child
// process exactly like scripts/run.mjs starts it, and kill that process the way a crash or `kill -9` would.
const STARTER = path.join(import.meta.dirname, '..', 'support', 'embedded-pg-starter.mjs');
const root = mkdtempSync(path.join(os.tmpdir(), 'dj-pm-'));
const dir = path.join(root, 'pg');

type TStarted = { child: ChildProcess; output: string; ready?: { port: number; postmasterPid: number; watchdogPid: number }; code?: number | null };
const running: ChildProcess[] = [];

/** Runs the starter; resolves when it is ready or has exited. */
function start(): Promise<TStarted> {
  const child = spawn(process.execPath, [STARTER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const started: TStarted = { child, output: '' };
  return new Promise((resolve) => {
    const read = (chunk: Buffer) => {
      started.output += chunk.toString();
      const line = started.output.split('\n').find((text) => text.startsWith('{"ready"'));
      if (line && !started.ready) {
        started.ready = JSON.parse(line);
        resolve(started);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      started.code = code;
      resolve(started);
    });
  });
}

const gone = (pid: number) => processInfo(pid) === null;

async function waitFor(condition: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answers(port: number) {
  const password = JSON.parse(readFileSync(`${dir}.json`, 'utf8')).password;
  const client = new pg.Client({ connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres` });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one === 1;
  } finally {
    await client.end();
  }
}

async function killHard(started: TStarted) {
  started.child.kill('SIGKILL');
  await waitFor(() => started.code !== undefined);
}

async function stopCleanly(started: TStarted) {
  if (started.code !== undefined) return;
  started.child.kill('SIGTERM');
  await waitFor(() => started.code !== undefined);
  await waitFor(() => gone(started.ready!.postmasterPid));
}

beforeAll(async () => {
  const first = await start();
  expect(first.ready, first.output).toBeDefined();
  await stopCleanly(first);
});

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!gone(pid)) process.kill(pid, 'SIGINT');
    await waitFor(() => gone(pid)).catch(() => {});
  }
  rmSync(root, { recursive: true, force: true });
});

describe('the embedded postmaster after its starter dies', () => {
  it('is stopped by the watchdog when the starter is killed with -9, and the next start works', async () => {
    const first = await start();
    expect(first.ready, first.output).toBeDefined();
    await killHard(first);
    await waitFor(() => gone(first.ready!.postmasterPid));
    const next = await start();
    expect(next.ready, next.output).toBeDefined();
    expect(await answers(next.ready!.port)).toBe(true);
    await stopCleanly(next);
  });

  it('is found and stopped by the next start when the watchdog died too, which says so', async () => {
    const first = await start();
    expect(first.ready, first.output).toBeDefined();
    process.kill(first.ready!.watchdogPid, 'SIGKILL');
    await killHard(first);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(gone(first.ready!.postmasterPid)).toBe(false);

    const next = await start();
    expect(next.ready, next.output).toBeDefined();
    expect(next.output).toContain(`发现上次未正常退出时遗留的内置 PostgreSQL（pid ${first.ready!.postmasterPid}`);
    expect(next.output).toContain('遗留的 PostgreSQL 已停止，继续启动');
    expect(gone(first.ready!.postmasterPid)).toBe(true);
    expect(await answers(next.ready!.port)).toBe(true);
    await stopCleanly(next);
  });

  it('is left alone while its starter still runs: a second start refuses and names the process to stop', async () => {
    const first = await start();
    expect(first.ready, first.output).toBeDefined();
    const second = await start();
    expect(second.ready).toBeUndefined();
    expect(second.code).toBe(1);
    expect(second.output).toContain(`正被另一个进程使用：PostgreSQL pid ${first.ready!.postmasterPid}`);
    expect(second.output).toContain(`kill ${first.child.pid}`);
    expect(await answers(first.ready!.port)).toBe(true);
    await stopCleanly(first);
  });

  it('ignores a stale postmaster.pid whose pid now belongs to another process', async () => {
    writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n0\n54321\n`);
    const next = await start();
    expect(next.ready, next.output).toBeDefined();
    expect(next.output).toContain(`记录的 pid ${process.pid} 现在是另一个进程`);
    await stopCleanly(next);
  });

  it('prints PostgreSQL’s own error when the server cannot start (never "undefined")', async () => {
    const conf = path.join(dir, 'postgresql.conf');
    const original = readFileSync(conf, 'utf8');
    appendFileSync(conf, "\nshared_buffers = 'banana'\n");
    try {
      const failed = await start();
      expect(failed.ready).toBeUndefined();
      expect(failed.code).toBe(1);
      expect(failed.output).toContain('内置 PostgreSQL 启动失败');
      expect(failed.output).toMatch(/invalid value for parameter "shared_buffers": "banana"/);
      expect(failed.output).not.toMatch(/启动失败：undefined/);
    } finally {
      writeFileSync(conf, original);
    }
  });
});
