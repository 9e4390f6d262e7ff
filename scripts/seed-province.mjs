// npm run seed:province [-- --scale 0.1] [--prefix pv]
// Writes the province-scale data set (scripts/lib/province-data.mjs: ≈1,400 organizations, 1,000 listed entries, 200
// experts, 100,000 voters, 1,000,000 votes, 60,000 台帐 entries) into the database the app uses: the embedded dev
// PostgreSQL of `npm run dev` (.data/pg), or DATABASE_URL / MIGRATE_DATABASE_URL. Migrates first, like npm run dev.
// Every row's id starts with "pv-", so the set sits beside the demo city. A second run refuses (the set is already
// there); to start over, `npm run db:reset` and run this again.
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import sharp from 'sharp';
import { describeError } from './lib/explained-error.mjs';
import { migrateDatabase, resolveDatabase } from './lib/database-url.mjs';
import { eachLimited, openStorage, storageFromEnv } from './lib/drill/storage.mjs';
import { generateProvince, provinceScale } from './lib/province-data.mjs';

// The demo accounts' password (scripts/lib/demo-accounts.mjs, prisma/seed/demo-city.ts) and the app's argon2id cost (lib/auth/password.ts).
const DEMO_PASSWORD = 'Demo@2026';

/** The value after `--name` on the command line. */
const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};

function scaleArgument() {
  const value = argument('--scale');
  if (value === undefined) return 1;
  const factor = Number(value);
  if (!(factor > 0 && factor <= 1)) throw new Error('--scale 须为 0 到 1 之间的数（如 0.1 生成十分之一的数据）');
  return factor;
}

/** Ids, codes and login names start with it (tests use their own, so runs never meet). */
const PREFIX = argument('--prefix') ?? 'pv';

/** The stand-in 现场照片 of every 达标 checklist item: a small red WebP (its size and sha256 go into stored_files). */
async function evidencePhoto() {
  const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#b91c1c' } }).webp({ quality: 60 }).toBuffer();
  return { bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Puts the photo under each of the set's evidence keys in the app's storage (UPLOAD_DIR or the S3 bucket), 8 at a time. */
async function storeEvidence(client, photo) {
  const { rows } = await client.query(`SELECT storage_key FROM stored_files WHERE id LIKE $1 ORDER BY storage_key`, [`${PREFIX}-sf-%`]);
  const storage = openStorage(storageFromEnv());
  const started = Date.now();
  await eachLimited(rows, 8, (row) => storage.write(row.storage_key, photo.bytes, 'image/webp'));
  console.log(`  evidence files: ${rows.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

let db;
try {
  const scale = provinceScale(scaleArgument());
  if (!/^[a-z][a-z0-9]{0,7}$/.test(PREFIX)) throw new Error(`--prefix 须为 1–8 个小写字母或数字，以字母开头：${PREFIX}`);
  db = await resolveDatabase();
  console.log(db.embedded ? '内置 PostgreSQL 已启动（数据目录 .data/pg）' : '使用 DATABASE_URL 指定的数据库');
  await migrateDatabase(db);
  // Set-up the app role may not do (VACUUM ANALYZE): as the owner, like migrations.
  const client = new pg.Client({ connectionString: db.migrateUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM organizations WHERE id = $1', [`${PREFIX}-root`]);
    // Refused, exit code 1: the set is built in one transaction, so an existing root means the whole set is there.
    if (rowCount) {
      console.error(
        `省级数据集已存在（组织 ${PREFIX}-root「示范省委」），未做任何改动。` +
          '如需重新生成，请先运行 npm run db:reset（清空全部数据并写回示范市演示数据），再运行 npm run seed:province。',
      );
      process.exitCode = 1;
    } else {
      const started = Date.now();
      console.log('正在生成省级数据集（一个事务，约需一两分钟）…');
      const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
      const photo = await evidencePhoto();
      const province = await generateProvince(client, { prefix: PREFIX, scale, passwordHash, evidencePhoto: photo, log: (line) => console.log(line) });
      await storeEvidence(client, photo);
      console.log('正在更新统计信息（VACUUM ANALYZE）…');
      await client.query('VACUUM ANALYZE');
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM organizations WHERE id LIKE $1)::int AS orgs,
           (SELECT count(*) FROM brand_list_entries WHERE id LIKE $1)::int AS entries,
           (SELECT count(*) FROM role_assignments WHERE id LIKE $1 AND role = 'EXPERT')::int AS experts,
           (SELECT count(*) FROM voters WHERE campaign_id = $2)::int AS voters,
           (SELECT count(*) FROM votes WHERE campaign_id = $2)::int AS votes,
           (SELECT count(*) FROM ledger_entries WHERE id LIKE $1)::int AS ledger`,
        [`${PREFIX}-%`, province.campaignId],
      );
      const c = rows[0];
      console.log(
        `\n已生成：${c.orgs} 个组织、${c.entries} 个品牌清单条目、${c.experts} 名评审专家、${c.voters} 名投票人、${c.votes} 张选票、` +
          `${c.ledger} 条台帐，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
      );
      console.log(`\n查看方式：npm run dev 后登录（密码均为 ${DEMO_PASSWORD}）：
  省委组织部管理员  ${PREFIX}_admin（示范省委，全省）
  市委管理员        ${PREFIX}_c1 … ${PREFIX}_c${scale.cities}
  县委/党工委管理员 ${PREFIX}_k1 …
  支部书记          ${PREFIX}_b1 …
  评审专家          ${PREFIX}_x1 … ${PREFIX}_x${scale.experts}`);
    }
  } finally {
    await client.end();
  }
} catch (error) {
  console.error(`失败：${describeError(error)}`);
  process.exitCode = 1;
} finally {
  await db?.stop();
}
