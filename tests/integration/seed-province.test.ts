import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';

const SCRIPT = path.join(import.meta.dirname, '..', '..', 'scripts', 'seed-province.mjs');
const run = (prefix: string) =>
  spawnSync(process.execPath, [SCRIPT, '--scale', '0.02', '--prefix', prefix], { env: process.env, encoding: 'utf8', timeout: 120_000 });

// npm run seed:province on a small scale: the set lands in the app's database with logins on the demo password, the run
// says what it made, and a second run refuses in Chinese without touching anything.
describe('seed:province', () => {
  it('writes the set once with a demo-password 组织部 login, and refuses a second run', async () => {
    const prefix = `s${Date.now().toString(36).slice(-6)}`;
    const first = run(prefix);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/已生成：\d+ 个组织、\d+ 个品牌清单条目、\d+ 名评审专家、\d+ 名投票人、\d+ 张选票、\d+ 条台帐，用时 [\d.]+ 秒/);
    expect(first.stdout).toContain(`${prefix}_admin`);

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT u.password_hash, u.must_change_password, r.role, r.organization_id FROM users u JOIN role_assignments r ON r.user_id = u.id WHERE u.login_name = $1`,
        [`${prefix}_admin`],
      );
      expect(rows).toEqual([expect.objectContaining({ role: 'ORG_ADMIN', organization_id: `${prefix}-root`, must_change_password: false })]);
      expect(await verifyPassword(rows[0].password_hash, 'Demo@2026')).toBe(true);
      const count = async () => Number((await client.query(`SELECT count(*) AS n FROM organizations WHERE id LIKE $1`, [`${prefix}-%`])).rows[0].n);
      const before = await count();
      expect(before).toBeGreaterThan(60);

      const second = run(prefix);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('省级数据集已存在');
      expect(await count()).toBe(before);
    } finally {
      await client.end();
    }
  }, 180_000);
});
