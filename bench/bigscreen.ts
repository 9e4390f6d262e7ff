/**
 * The 大屏's refresh at city scale: 1,000 entries on the 品牌清单 and 1,000,000 votes (skewed, ~1% invalidated, a tenth
 * of them today), in a throw-away embedded Postgres. Times the real `loadBigScreen` (one aggregate statement) as the
 * organizer's staff would call it every 30 s.
 *
 *   npm run bench -- bigscreen
 *
 * Ends with `bigscreen: 1000 entries, 1000000 votes, <ms> ms`.
 */
import pg from 'pg';
import { runOnThrowawayDatabase } from './support/database';
import { time } from './support/measure';

const ENTRIES = 1000;
const VOTES = 1_000_000;

runOnThrowawayDatabase(async ({ ownerUrl }) => {
  const { loadBigScreen } = await import('@/lib/bigscreen/queries');
  const { disconnectDb } = await import('@/lib/db');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();

  const setupStart = Date.now();
  await client.query(`INSERT INTO organizations (id, path, depth, name, code, level_label, updated_at) VALUES ('root', '/root/', 0, '示范市', 'B-ROOT', '市委', now())`);
  await client.query(`
    INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at)
    SELECT 'o' || g, 'root', '/root/o' || g || '/', 1, '支部' || g, 'B-' || g, '支部', now() FROM generate_series(1, ${ENTRIES}) g`);
  await client.query(`INSERT INTO campaigns (id, owner_org_id, title, year, status, updated_at) VALUES ('c1', 'root', '基准评选', 2026, 'PUBLISHED', now())`);
  await client.query(`
    INSERT INTO campaign_stages (id, campaign_id, kind, is_enabled, starts_at, ends_at)
    VALUES ('s1', 'c1', 'VOTING', true, now() - interval '1 day', now() + interval '1 day')`);
  await client.query(`
    INSERT INTO applications (id, campaign_id, organization_id, status, brand_name, submitted_at, updated_at)
    SELECT 'a' || g, 'c1', 'o' || g, 'SUBMITTED', '品牌' || g, now(), now() FROM generate_series(1, ${ENTRIES}) g`);
  await client.query(`INSERT INTO brand_lists (id, campaign_id, version) VALUES ('l1', 'c1', 1)`);
  await client.query(`
    INSERT INTO brand_list_entries (id, list_id, application_id, sort_order, brand_name, organization_name, field_name, region_name)
    SELECT 'e' || g, 'l1', 'a' || g, g, '品牌' || g, '支部' || g, '领域', '示范市' FROM generate_series(1, ${ENTRIES}) g`);
  await client.query(`INSERT INTO voters (id, campaign_id, kind, phone) SELECT 'v' || g, 'c1', 'PUBLIC', (13000000000 + g)::text FROM generate_series(0, 199999) g`);
  await client.query(`
    INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, created_at, invalidated_at)
    SELECT 'c1', 'a' || (1 + floor(${ENTRIES} * random() ^ 2))::int, 'v' || (g % 200000), current_date, 'R' || g, 'k' || g,
      CASE WHEN g % 10 = 0 THEN now() ELSE now() - interval '3 days' END, CASE WHEN g % 97 = 0 THEN now() END
    FROM generate_series(1, ${VOTES}) g`);
  await client.query('VACUUM ANALYZE');
  console.log(`\nset-up: ${ENTRIES} entries, ${VOTES} votes in ${((Date.now() - setupStart) / 1000).toFixed(1)} s\n`);

  const staff = { id: 'bench', sessionId: 'bench', loginName: 'bench', displayName: '基准', mustChangePassword: false, roles: [{ role: 'ORG_ADMIN' as const, organizationId: 'root', organizationName: '示范市', organizationPath: '/root/' }] };
  const check = await loadBigScreen(staff, 'c1');
  const [expected] = (await client.query(`SELECT COUNT(*)::int AS n FROM votes WHERE invalidated_at IS NULL`)).rows;
  if (check.stats.validVotes !== expected.n || check.top.length !== 12) throw new Error('大屏 counts wrong');
  const result = await time('loadBigScreen (1000 entries, 1M votes)', 20, () => loadBigScreen(staff, 'c1'));
  console.log(`top: ${check.top[0].brandName} ${check.top[0].validVotes} votes; today ${check.stats.votesToday}`);
  console.log(`bigscreen: ${ENTRIES} entries, ${VOTES} votes, ${Math.round(result.median)} ms`);
  await client.end();
  await disconnectDb();
});
