/**
 * The 台帐 compliance grid at city scale: 1,400 organizations (14 党工委 × 100 支部) each with a brand in cultivation,
 * a 12-month 创建期 (2026), 60,000 ledger entries and ~90 % of the months reported (a fifth of them late), in a
 * throw-away embedded Postgres. Times the real `loadComplianceGrid` — the one SQL query behind one page of the grid
 * (50 organizations × 12 months) — for the 组织部 (whole city, first and last page) and for one 党工委's subtree.
 *
 *   npm run bench:ledger
 *
 * Goal: under 200 ms. Ends with `ledger: 1400 orgs x 12 months, <ms> ms` (the slowest median of the three pages).
 */
import pg from 'pg';
import { runOnThrowawayDatabase } from './support/database';
import { time } from './support/measure';

const COMMITTEES = 14;
const PER_COMMITTEE = 100;
const ORGS = COMMITTEES * PER_COMMITTEE;
const MONTHS = 12;
const ENTRIES = 60_000;

runOnThrowawayDatabase(async ({ ownerUrl }) => {
  const { loadComplianceGrid, loadGridCampaign } = await import('@/lib/cultivation/ledger-grid');
  const { disconnectDb } = await import('@/lib/db');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();

  const setupStart = Date.now();
  await client.query(`INSERT INTO organizations (id, path, depth, name, code, level_label, updated_at) VALUES ('root', '/root/', 0, '示范市', 'B-ROOT', '市委', now())`);
  await client.query(`
    INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at)
    SELECT 'k' || g, 'root', '/root/k' || g || '/', 1, '党工委' || g, 'K-' || g, '党工委', now() FROM generate_series(1, ${COMMITTEES}) g`);
  await client.query(`
    INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at)
    SELECT 'o' || g, 'k' || (1 + g % ${COMMITTEES}), '/root/k' || (1 + g % ${COMMITTEES}) || '/o' || g || '/', 2, '支部' || lpad(g::text, 4, '0'), 'B-' || g, '支部', now()
    FROM generate_series(1, ${ORGS}) g`);
  await client.query(`INSERT INTO campaigns (id, owner_org_id, title, year, status, program, ledger_due_day, updated_at) VALUES ('c1', 'root', '基准创建', 2026, 'PUBLISHED', 'CREATION', 25, now())`);
  await client.query(`
    INSERT INTO campaign_stages (id, campaign_id, kind, is_enabled, starts_at, ends_at)
    VALUES ('s1', 'c1', 'CULTIVATION', true, '2026-01-01 00:00+08', '2027-01-01 00:00+08')`);
  await client.query(`INSERT INTO brands (id, organization_id, name, updated_at) SELECT 'b' || g, 'o' || g, '品牌' || g, now() FROM generate_series(1, ${ORGS}) g`);
  await client.query(`
    INSERT INTO applications (id, campaign_id, organization_id, brand_id, status, brand_name, submitted_at, updated_at)
    SELECT 'a' || g, 'c1', 'o' || g, 'b' || g, 'SUBMITTED', '品牌' || g, now(), now() FROM generate_series(1, ${ORGS}) g`);
  await client.query(`
    INSERT INTO cultivations (id, brand_id, campaign_id, application_id, updated_at)
    SELECT 'cu' || g, 'b' || g, 'c1', 'a' || g, now() FROM generate_series(1, ${ORGS}) g`);
  await client.query(`
    INSERT INTO ledger_entries (id, cultivation_id, month, occurred_on, activity, place, participants, summary)
    SELECT 'e' || g, 'cu' || (1 + g % ${ORGS}), make_date(2026, 1 + (g / ${ORGS}) % ${MONTHS}, 1),
      make_date(2026, 1 + (g / ${ORGS}) % ${MONTHS}, 1 + g % 28), '主题党日', '党员活动室', '全体党员', '学习与志愿服务'
    FROM generate_series(1, ${ENTRIES}) g`);
  // ~90 % of the months reported, one in five of those late.
  await client.query(`
    INSERT INTO ledger_reports (id, cultivation_id, month, due_at, reported_at, is_late, entry_count)
    SELECT 'r' || g || '-' || m, 'cu' || g, make_date(2026, m, 1), due, due + CASE WHEN (g + m) % 5 = 0 THEN interval '2 days' ELSE interval '-3 days' END,
      (g + m) % 5 = 0, 1
    FROM generate_series(1, ${ORGS}) g, generate_series(1, ${MONTHS}) m,
      LATERAL (SELECT (make_date(2026, m, 26)::timestamp AT TIME ZONE 'Asia/Shanghai') AS due) d
    WHERE (g * 7 + m) % 10 <> 0`);
  await client.query('VACUUM ANALYZE');
  console.log(`\nset-up: ${ORGS} organizations, ${MONTHS} months, ${ENTRIES} entries in ${((Date.now() - setupStart) / 1000).toFixed(1)} s\n`);

  const campaign = await loadGridCampaign('c1');
  if (campaign.months.length !== MONTHS) throw new Error(`expected ${MONTHS} months, got ${campaign.months.length}`);
  const asOf = new Date('2026-12-31T12:00:00+08:00');
  const check = await loadComplianceGrid({ campaign, subtreePath: '/root/', asOf });
  if (check.total !== ORGS || check.rows.length !== 50 || check.rows.some((row) => row.cells.length !== MONTHS)) throw new Error('grid incomplete');
  const lastPage = Math.ceil(ORGS / 50);
  const results = [
    await time('grid page 1 (whole city)', 30, () => loadComplianceGrid({ campaign, subtreePath: '/root/', asOf })),
    await time(`grid page ${lastPage} (whole city)`, 30, () => loadComplianceGrid({ campaign, subtreePath: '/root/', page: lastPage, asOf })),
    await time('grid page 1 (one 党工委, 100 支部)', 30, () => loadComplianceGrid({ campaign, subtreePath: '/root/k3/', asOf })),
  ];
  const cells = check.rows.flatMap((row) => row.cells);
  console.log(`page 1: ${cells.filter((cell) => cell.status === 'on-time').length} on time, ${cells.filter((cell) => cell.status === 'late').length} late, ${cells.filter((cell) => cell.status === 'missing').length} missing`);
  console.log(`ledger: ${ORGS} orgs x ${MONTHS} months, ${Math.round(Math.max(...results.map((result) => result.median)))} ms`);
  await client.end();
  await disconnectDb();
});
