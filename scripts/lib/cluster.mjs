// The multi-instance topology on one machine, for the cluster test (scripts/test.mjs) and the benchmarks (bench/):
//
//   client ─→ nginx (deploy/nginx.conf.template) ─┬→ app A (standalone server.js, JOBS_WORKER=0) ─┐
//                                                  └→ app B (standalone server.js, JOBS_WORKER=0) ─┼→ PostgreSQL
//             worker 1, worker 2 (server.js, JOBS_WORKER=1, private ports, no traffic) ───────────┼→ Redis (cache, tags)
//                                                                                                  └→ S3 (s3rver)
//
// Everything on 127.0.0.1 with free ports and in one temporary directory; stop() ends every process it started.
// PostgreSQL is the caller's (a database URL): the test and the benchmarks start their own embedded server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { renderNginxConfig } from './nginx-config.mjs';
import { ROOT, freePort } from './pg.mjs';
import { copyStandaloneAssets, productionNodeOptions, standaloneServer } from './next-server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of a child's log file, for the error when it does not come up. */
function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Waits until `probe` resolves true, the child exits, or `timeoutMs` passes. */
async function waitUntil(name, child, logFile, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`${name} 启动失败（退出码 ${child.exitCode ?? child.signalCode}）：\n${tail(logFile)}`);
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${name} 在 ${timeoutMs / 1000} 秒内未就绪：\n${tail(logFile)}`);
}

const answers = (url) => fetch(url, { signal: AbortSignal.timeout(2000) }).then((response) => response.ok);

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.end();
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** The group name of this process's gid (nginx's `user` wants names). */
const groupName = () => spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim() || String(process.getgid());

/**
 * Starts the topology against `databaseUrl` (already migrated) on the current production build (next build with
 * output: 'standalone'). `instances` app instances behind nginx, `workers` job workers; `nginx: false` leaves nginx out
 * (one stock instance, for the benchmarks' baseline). `env` is added to every app process (e.g. AUTH_DELAY_BASE_MS).
 * Returns the addresses, the environment the instances share (secrets included, for tests that sign cookies) and stop().
 */
export async function startCluster({ databaseUrl, instances = 2, workers = 2, nginx = true, env = {}, log = () => {} }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dj-cluster-'));
  const children = [];
  const killAll = () => {
    for (const { child } of children) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
  };
  // Whatever happens to this process, no server of ours outlives it.
  process.once('exit', killAll);

  function start(name, command, args, options = {}) {
    const logFile = path.join(dir, `${name}.log`);
    const out = createWriteStream(logFile);
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    children.push({ name, child });
    return { child, logFile };
  }

  async function stop() {
    // The app processes drain (SHUTDOWN_DRAIN_MS=0 here) and exit on SIGTERM; the rest stop on it at once.
    const exits = children.map(({ child }) =>
      child.exitCode !== null || child.signalCode ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)),
    );
    for (const { child } of children.toReversed()) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), sleep(10_000)]);
    killAll();
    process.removeListener('exit', killAll);
    rmSync(dir, { recursive: true, force: true });
  }

  try {
    if (!existsSync(standaloneServer())) throw new Error('尚未构建：请先运行 npm run build（或 npm test，它会构建）。');
    copyStandaloneAssets();
    const server = standaloneServer();
    const cwd = path.dirname(server);

    const redisPort = await freePort();
    const redisDir = path.join(dir, 'redis');
    mkdirSync(redisDir);
    // A throw-away cache: no snapshots, no append-only file, nothing kept after stop.
    const redis = start('redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir, '--daemonize', 'no']);
    const s3 = start('s3', process.execPath, [path.join(ROOT, 'tests', 'support', 's3-server.mjs'), 'dangjian-cluster']);
    const s3Ready = new Promise((resolve, reject) => {
      let text = '';
      s3.child.stdout.on('data', (chunk) => {
        text += chunk;
        const line = text.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      s3.child.once('exit', (code) => reject(new Error(`S3 服务启动失败（退出码 ${code}）：\n${tail(s3.logFile)}`)));
    });
    // Awaited below; until then a failure elsewhere must not leave its rejection unhandled.
    s3Ready.catch(() => undefined);
    await waitUntil('redis-server', redis.child, redis.logFile, () => redisPing(redisPort), 10_000);
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = await s3Ready;

    const shared = {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // Our SIGTERM drain (lib/runtime/shutdown.ts) decides when the process ends, not Next's own handler.
      NEXT_MANUAL_SIG_HANDLE: 'true',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString('base64url'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || randomBytes(32).toString('base64'),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: region,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      TRUST_PROXY: '1',
      SHUTDOWN_DRAIN_MS: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      ...env,
    };

    const nginxPort = nginx ? await freePort() : null;
    const publicUrl = nginx ? `http://127.0.0.1:${nginxPort}` : null;

    async function startApp(name, jobsWorker) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const appEnv = { ...process.env, ...shared, PORT: String(port), HOSTNAME: '127.0.0.1', JOBS_WORKER: jobsWorker ? '1' : '0', NEXTAUTH_URL: shared.NEXTAUTH_URL ?? publicUrl ?? url };
      appEnv.NODE_OPTIONS = productionNodeOptions(appEnv.NODE_OPTIONS);
      const app = start(name, process.execPath, [server], { cwd, env: appEnv });
      return { name, url, port, ...app };
    }
    const apps = await Promise.all(Array.from({ length: instances }, (_, index) => startApp(`app-${'ABCDEFGH'[index]}`, false)));
    const jobWorkers = await Promise.all(Array.from({ length: workers }, (_, index) => startApp(`worker-${index + 1}`, true)));
    await Promise.all([...apps, ...jobWorkers].map((app) => waitUntil(app.name, app.child, app.logFile, () => answers(`${app.url}/api/health`))));

    let proxy = null;
    if (nginx) {
      const nginxDir = path.join(dir, 'nginx');
      mkdirSync(path.join(nginxDir, 'cache'), { recursive: true });
      const isRoot = process.getuid?.() === 0;
      const config = renderNginxConfig({
        // In the foreground, as this user (root would otherwise hand the workers to `nobody`, who cannot enter the
        // temporary directory), its pid file and logs in the temporary directory.
        process: ['daemon off;', `pid ${nginxDir}/nginx.pid;`, isRoot ? `user ${os.userInfo().username} ${groupName()};` : ''].filter(Boolean).join('\n'),
        worker_processes: '2',
        error_log: path.join(nginxDir, 'error.log'),
        access_log: 'off',
        temp_dir: nginxDir,
        cache_dir: path.join(nginxDir, 'cache'),
        listen: `127.0.0.1:${nginxPort}`,
        upstreams: apps.map((app) => `127.0.0.1:${app.port}`),
      });
      writeFileSync(path.join(nginxDir, 'nginx.conf'), config);
      proxy = start('nginx', 'nginx', ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-e', path.join(nginxDir, 'error.log')]);
      await waitUntil('nginx', proxy.child, path.join(nginxDir, 'error.log'), () => answers(`${publicUrl}/api/health`), 10_000);
    }
    log(`集群已启动：${publicUrl ? `nginx ${publicUrl} → ` : ''}${apps.map((app) => `${app.name} ${app.url}`).join('、')}；任务进程 ${jobWorkers.length} 个`);

    return {
      /** nginx's address (null without nginx). */
      url: publicUrl,
      instances: apps.map(({ name, url, port, child }) => ({ name, url, port, pid: child.pid })),
      workers: jobWorkers.map(({ name, url, port, child }) => ({ name, url, port, pid: child.pid })),
      env: shared,
      dir,
      /** nginx's master process (its workers are its children). */
      nginxPid: proxy?.child.pid,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
