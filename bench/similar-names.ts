/**
 * Similar brand names at city scale: 10,000 submitted names drawn from a Zipf-weighted vocabulary (a few words such
 * as 党建 or 红心 are in many names). Measures the lookup a secretary triggers while typing, with the GIN index on
 * brand_name_bigrams and without it; the pair refresh a submission does; and a staff list page's hints read from the
 * stored pairs against computing them per row.
 *
 *   npm run bench -- similar-names
 *
 * Runs on a throw-away embedded Postgres; prints a table and the ratio written to the README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runOnThrowawayDatabase } from './support/database';
import { mulberry32, time } from './support/measure';

const NAMES = 10_000;
const PROBES = 200;
const COMMON = ['党建', '红心', '先锋', '引领', '初心', '为民', '服务', '暖心', '堡垒', '旗帜', '红色', '驿站', '家园', '连心', '铸魂', '聚力', '同心', '振兴', '惠民', '领航'];
const CHARS = Array.from('春风化雨润物无声山海星河桥梁纽带学习实践创新发展绿色生态和谐美丽乡村社区企业校园医院机关窗口岗位标兵模范示范争先创优奋进担当奉献守护温暖幸福安康平安法治文明诚信廉洁清风正气匠心筑梦启航扬帆阳光彩虹金秋银发青春少年夕阳朝阳東南西北中');

/** Words by Zipf weight: the common words first (党建 most of all), then ~400 rarer pairs of characters. */
function vocabulary(random: () => number): { words: string[]; cumulative: number[] } {
  const words = [...COMMON];
  while (words.length < 420) words.push(CHARS[Math.floor(random() * CHARS.length)] + CHARS[Math.floor(random() * CHARS.length)]);
  let total = 0;
  const cumulative = words.map((_, rank) => (total += 1 / (rank + 1)));
  return { words, cumulative: cumulative.map((value) => value / total) };
}

function randomName(random: () => number, vocab: ReturnType<typeof vocabulary>): string {
  const count = 2 + Math.floor(random() * 3);
  const pick = () => {
    const draw = random();
    return vocab.words[vocab.cumulative.findIndex((edge) => edge >= draw)];
  };
  return Array.from({ length: count }, pick).join('').slice(0, 15);
}

runOnThrowawayDatabase(async ({ ownerUrl }) => {
  const { brandNameBigrams } = await import('@/lib/application/bigrams');
  const { findSimilarBrandNames, findSimilarForApplications, refreshSimilarNames } = await import('@/lib/application/similar-names');
  const { db, disconnectDb } = await import('@/lib/db');

  // Set-up as the owner role: bulk rows, VACUUM/ANALYZE and index changes; the code measured runs as the app role.
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const random = mulberry32(2026);
  const vocab = vocabulary(random);
  await client.query(`INSERT INTO organizations (id, path, depth, name, code, level_label, updated_at) VALUES ('root', '/root/', 0, '示范市', 'B-ROOT', '市委', now())`);
  await client.query(`INSERT INTO campaigns (id, owner_org_id, title, year, status, updated_at) VALUES ('c1', 'root', '基准评选', 2026, 'PUBLISHED', now())`);
  const names = Array.from({ length: NAMES }, () => randomName(random, vocab));
  for (let start = 0; start < NAMES; start += 1000) {
    const batch = names.slice(start, start + 1000);
    const ids = batch.map((_, offset) => `o${start + offset}`);
    await client.query(
      `INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at)
       SELECT id, 'root', '/root/' || id || '/', 1, '支部' || id, 'B-' || id, '支部', now() FROM unnest($1::text[]) AS id`,
      [ids],
    );
    await client.query(
      `INSERT INTO applications (id, campaign_id, organization_id, status, brand_name, brand_name_bigrams, submitted_at, updated_at)
       SELECT 'a' || t.id, 'c1', t.id, 'SUBMITTED', t.name, string_to_array(t.grams, '|'), now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, name, grams)`,
      [ids, batch, batch.map((name) => brandNameBigrams(name).join('|'))],
    );
  }
  await client.query('ANALYZE applications');
  const probes = Array.from({ length: PROBES }, () => randomName(random, vocab));
  const pages = Array.from({ length: PROBES }, () => Array.from({ length: 20 }, () => `ao${Math.floor(random() * NAMES)}`));

  // The pairs of the existing names, as migration 0003 backfills them.
  const migration = readFileSync(path.join(import.meta.dirname, '..', 'prisma', 'migrations', '0003_similar_brand_names', 'migration.sql'), 'utf8');
  const backfillStart = performance.now();
  await client.query(migration.slice(migration.indexOf('WITH grams AS')));
  const backfillSeconds = (performance.now() - backfillStart) / 1000;
  const pairCount = Number((await client.query('SELECT count(*) FROM similar_brand_names')).rows[0].count);

  console.log(`\n${NAMES} submitted names, ${pairCount} stored pairs (backfill ${backfillSeconds.toFixed(1)} s), ${PROBES} runs each\n`);
  const hits = (await Promise.all(probes.slice(0, 20).map((name) => findSimilarBrandNames(name)))).reduce((sum, list) => sum + list.length, 0);
  const typingIndexed = await time('typing lookup, GIN index', PROBES, (index) => findSimilarBrandNames(probes[index % PROBES]));
  const refresh = await time('submission refreshes its pairs', PROBES, (index) =>
    db.$transaction((tx) => refreshSimilarNames(tx, pages[index % PROBES][0])),
  );
  const listStored = await time('staff list page (20 rows), stored pairs', PROBES, (index) => findSimilarForApplications(pages[index % PROBES]));
  const listComputed = await time('staff list page (20 rows), computed per row', 20, (index) =>
    client.query('SELECT id, brand_name FROM applications WHERE id = ANY($1)', [pages[index % PROBES]]).then(({ rows }) =>
      Promise.all(rows.map((row: { id: string; brand_name: string }) => findSimilarBrandNames(row.brand_name, { excludeApplicationId: row.id, limit: 3 }))),
    ),
  );
  await client.query('DROP INDEX applications_brand_name_bigrams_idx');
  await client.query('ANALYZE applications');
  const typingScan = await time('typing lookup, sequential scan', PROBES, (index) => findSimilarBrandNames(probes[index % PROBES]));
  console.log(`\nmatches in the first 20 lookups: ${hits}`);
  console.log(`typing lookup: sequential scan ÷ GIN index = ${(typingScan.median / typingIndexed.median).toFixed(1)}× (median)`);
  console.log(`staff list: computed ÷ stored = ${(listComputed.median / listStored.median).toFixed(1)}× (median); a submission adds ${refresh.median.toFixed(1)} ms`);
  await client.end();
  await disconnectDb();
});
