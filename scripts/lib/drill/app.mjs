// "Starts the app on them": the production build served on the restored database and storage, and what is checked
// through it over HTTP — readiness, the audit log page as an organization department admin, file downloads.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { ExplainedError } from '../explained-error.mjs';
import { standaloneServer, startNextServer } from '../next-server.mjs';

/**
 * Starts the production build (the standalone server, scripts/lib/next-server.mjs: what npm start, Docker and the e2e
 * tier run) with exactly `env` on top of a clean base (no variable of the drill's own environment leaks in: no SMS
 * provider, no job worker, so a restored queue sends nothing; no REDIS_URL, so the copy never touches production's
 * shared cache), and waits for /api/health. It runs no migration and no demo seed: the app must come up on what was
 * restored, as it is.
 */
export async function startApp({ port, env, timeoutMs = 90_000 }) {
  if (!existsSync(standaloneServer())) throw new ExplainedError('尚未构建：恢复演练要用生产构建启动应用，请先运行 npm run build。');
  const host = '127.0.0.1';
  const url = `http://${host}:${port}`;
  const base = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG', 'NEXT_DIST_DIR'].filter((name) => process.env[name]).map((name) => [name, process.env[name]]));
  const appEnv = { ...base, NEXTAUTH_URL: url, JOBS_WORKER: '0', SMS_DRIVER: 'dev', SEED_DEMO: '0', SHUTDOWN_DRAIN_MS: '0', LOG_LEVEL: 'warn', ...env };
  try {
    const server = await startNextServer({ dev: false, port, hostname: host, env: appEnv, inheritEnv: false, stdio: 'pipe', readyTimeoutMs: timeoutMs });
    return { url, stop: () => server.close({ killAfterMs: 10_000 }), output: server.output };
  } catch (error) {
    throw new ExplainedError(`恢复后的应用启动失败：${error.message}`);
  }
}

/**
 * Active organization department admins (at most 5, the highest in the tree first), each with a session on the restored
 * database and its next-auth cookie signed with the drill app's secret: a drill of production data knows no one's
 * password. The session rows are the one write the drill makes, on its own throw-away copy, after the counts were compared.
 */
async function adminSessions(client, secret) {
  const { rows } = await client.query(
    `SELECT u.id, u.login_name AS "loginName", array_agg(o.path) AS paths
       FROM users u
       JOIN role_assignments ra ON ra.user_id = u.id AND ra.role = 'ORG_ADMIN'
       JOIN organizations o ON o.id = ra.organization_id AND o.is_active
      WHERE NOT u.is_disabled AND NOT u.must_change_password
      GROUP BY u.id
      ORDER BY min(length(o.path)), u.created_at
      LIMIT 5`,
  );
  return Promise.all(
    rows.map(async (admin) => {
      const sessionId = `drill${randomBytes(10).toString('hex')}`;
      await client.query(
        `INSERT INTO user_sessions (id, user_id, last_seen_at, expires_at, ip, user_agent) VALUES ($1, $2, now(), now() + interval '1 hour', '127.0.0.1', '恢复演练')`,
        [sessionId, admin.id],
      );
      const token = await encode({ token: { sub: admin.id, sid: sessionId }, secret, maxAge: 3600 });
      return { ...admin, cookie: `next-auth.session-token=${token}` };
    }),
  );
}

/** The audit rows the admin's /admin/audit lists first (lib/audit-log/queries.ts: actors in the admin's subtrees, and, for a root's admin, the system's). */
async function visibleAudit(client, paths) {
  const includeSystem = paths.some((orgPath) => orgPath.split('/').filter(Boolean).length === 1);
  const where = `(a.actor_id IS NULL AND $2) OR EXISTS (
      SELECT 1 FROM role_assignments ra JOIN organizations o ON o.id = ra.organization_id
       WHERE ra.user_id = a.actor_id AND o.path LIKE ANY($1))`;
  const patterns = paths.map((orgPath) => `${orgPath.replace(/[\\%_]/g, '\\$&')}%`);
  const { rows: total } = await client.query(`SELECT count(*)::int AS n FROM audit_logs a WHERE ${where}`, [patterns, includeSystem]);
  const { rows } = await client.query(`SELECT a.created_at AS "createdAt" FROM audit_logs a WHERE ${where} ORDER BY a.id DESC LIMIT 30`, [patterns, includeSystem]);
  return { total: total[0].n, newest: rows.map((row) => row.createdAt.toISOString()) };
}

/** /admin/audit as `admin`: its 共 N 条 and the times of its rows against what the database holds for the admin's scope. */
async function checkAuditPage(url, client, admin) {
  const expected = await visibleAudit(client, admin.paths);
  const page = await fetch(`${url}/admin/audit`, { headers: { cookie: admin.cookie }, redirect: 'manual' });
  if (page.status !== 200) return { problems: [`审计日志页答 ${page.status}（${page.headers.get('location') ?? ''}）`], audit: null };
  // React separates adjacent text with <!-- --> in server-rendered HTML: 共 <!-- -->12<!-- --> 条.
  const html = (await page.text()).replaceAll('<!-- -->', '');
  const times = new Set([...html.matchAll(/<time[^>]*datetime="([^"]+)"/gi)].map((match) => match[1]));
  const shown = expected.newest.filter((time) => times.has(time)).length;
  const problems = [];
  if (!html.includes(`共 ${expected.total} 条`)) problems.push(`审计日志页没有显示“共 ${expected.total} 条”`);
  if (shown !== expected.newest.length) problems.push(`审计日志页的最新记录不全：应显示 ${expected.newest.length} 条，找到 ${shown} 条`);
  return { problems, audit: { total: expected.total, shown, expected: expected.newest.length } };
}

/**
 * Through the running app: /api/ready (the app role reaches the restored database, migrations recorded); the audit log
 * page of the admin who sees the most rows; and up to 5 of the newest files present in storage, downloaded by an admin
 * allowed to read them, with the bytes of the dump (`hashes`: storage key → sha256). Returns the problems found.
 */
export async function checkApp({ url, databaseUrl, secret, hashes }) {
  const problems = [];
  const result = { ready: false, audit: null, downloads: 0, admin: null };
  const ready = await fetch(`${url}/api/ready`);
  result.ready = ready.status === 200;
  if (!result.ready) problems.push(`/api/ready 答 ${ready.status}：${await ready.text()}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const admins = await adminSessions(client, secret);
    if (!admins.length) {
      problems.push('恢复后的数据库中没有可用的组织部管理员账号，无法经应用核对审计日志和文件');
      return { problems, ...result };
    }
    const visible = await Promise.all(admins.map(async (admin) => (await visibleAudit(client, admin.paths)).total));
    const reader = admins[visible.indexOf(Math.max(...visible))];
    result.admin = reader.loginName;
    const audit = await checkAuditPage(url, client, reader);
    problems.push(...audit.problems);
    result.audit = audit.audit;
    const { rows: auditRows } = await client.query('SELECT EXISTS (SELECT 1 FROM audit_logs) AS found');
    if (auditRows[0].found && !result.audit?.total) problems.push(`审计日志有记录，但管理员 ${reader.loginName} 在审计日志页一条也看不到`);

    const { rows: files } = await client.query('SELECT id, storage_key AS key FROM stored_files WHERE storage_key = ANY($1) ORDER BY created_at DESC, id LIMIT 50', [[...hashes.keys()]]);
    for (const file of files) {
      if (result.downloads >= 5) break;
      for (const admin of admins) {
        const response = await fetch(`${url}/api/files/${encodeURIComponent(file.id)}`, { headers: { cookie: admin.cookie } });
        // Files of drafts or of another subtree are not this admin's to read: the next admin, or the next file.
        if (response.status !== 200) continue;
        const sha256 = createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex');
        if (sha256 !== hashes.get(file.key)) problems.push(`经应用下载的文件 ${file.id} 与备份的字节不一致`);
        result.downloads += 1;
        break;
      }
    }
    if (files.length && !result.downloads) problems.push(`经应用下载文件失败：存储中最新的 ${files.length} 个文件，管理员一个也没能下载`);
  } finally {
    await client.end();
  }
  return { problems, ...result };
}
