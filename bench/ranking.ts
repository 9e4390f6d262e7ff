/**
 * The ranking at city scale: 1,000 entries on the 品牌清单, 5 experts per entry scoring 5 criteria (25,000 scores) and
 * 1,000,000 votes (skewed: a few entries draw most of them), in a throw-away embedded Postgres. Times the real
 * `loadRanking` (grouped SQL for sheets and valid votes, then aggregation, combined score, ranks overall and per field).
 *
 *   npm run bench:ranking
 *
 * Goal: under 1 second on the 2-core machine. Ends with `ranking: 1000 entries, 1000000 votes, <ms> ms`.
 */
import pg from 'pg';
import { runOnThrowawayDatabase } from './support/database';
import { time } from './support/measure';

const ENTRIES = 1000;
const EXPERTS = 50;
const PER_ENTRY = 5;
const VOTES = 1_000_000;

runOnThrowawayDatabase(async ({ ownerUrl }) => {
  const { loadRanking } = await import('@/lib/review/results');
  const { db, disconnectDb } = await import('@/lib/db');
  // Set-up as the owner role: bulk rows, VACUUM/ANALYZE and index changes; the code measured runs as the app role.
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();

  const setupStart = Date.now();
  await client.query(`INSERT INTO organizations (id, path, depth, name, code, level_label, updated_at) VALUES ('root', '/root/', 0, '示范市', 'B-ROOT', '市委', now())`);
  await client.query(`
    INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at)
    SELECT 'o' || g, 'root', '/root/o' || g || '/', 1, '支部' || g, 'B-' || g, '支部', now() FROM generate_series(1, ${ENTRIES}) g`);
  await client.query(`INSERT INTO campaigns (id, owner_org_id, title, year, status, expert_weight, vote_weight, updated_at) VALUES ('c1', 'root', '基准评选', 2026, 'PUBLISHED', 70, 30, now())`);
  await client.query(`INSERT INTO campaign_fields (id, campaign_id, name, sort_order, org_fields) SELECT 'f' || g, 'c1', '领域' || g, g, ARRAY['RURAL']::"OrgField"[] FROM generate_series(1, 7) g`);
  await client.query(`INSERT INTO rubrics (id, campaign_id, template) VALUES ('r1', 'c1', 'FOUR_HAVE_ONE_GOOD')`);
  await client.query(`INSERT INTO criteria (id, rubric_id, sort_order, name, max_points, guidance) SELECT 'k' || g, 'r1', g, '标准' || g, 20, '' FROM generate_series(1, 5) g`);
  await client.query(`
    INSERT INTO applications (id, campaign_id, organization_id, field_id, status, brand_name, submitted_at, updated_at)
    SELECT 'a' || g, 'c1', 'o' || g, 'f' || (1 + g % 7), 'SUBMITTED', '品牌' || g, now(), now() FROM generate_series(1, ${ENTRIES}) g`);
  await client.query(`INSERT INTO brand_lists (id, campaign_id, version) VALUES ('l1', 'c1', 1)`);
  await client.query(`
    INSERT INTO brand_list_entries (id, list_id, application_id, sort_order, brand_name, organization_name, field_name, region_name)
    SELECT 'e' || g, 'l1', 'a' || g, g, '品牌' || g, '支部' || g, '领域', '示范市' FROM generate_series(1, ${ENTRIES}) g`);
  await client.query(`
    INSERT INTO users (id, login_name, display_name, password_hash, updated_at)
    SELECT 'x' || g, 'expert' || g, '专家' || g, 'x', now() FROM generate_series(1, ${EXPERTS}) g`);
  await client.query(`
    INSERT INTO review_assignments (id, campaign_id, application_id, expert_id, round, submitted_at, updated_at)
    SELECT 'as' || g || '-' || k, 'c1', 'a' || g, 'x' || (1 + (g * ${PER_ENTRY} + k) % ${EXPERTS}), 1, now(), now()
    FROM generate_series(1, ${ENTRIES}) g, generate_series(0, ${PER_ENTRY - 1}) k`);
  await client.query(`
    INSERT INTO review_scores (assignment_id, criterion_id, points, updated_at)
    SELECT a.id, 'k' || c, round((8 + random() * 12)::numeric, 1), now() FROM review_assignments a, generate_series(1, 5) c`);
  // 200,000 public voters; skewed popularity: entry = 1 + floor(1000 × u²).
  await client.query(`INSERT INTO voters (id, campaign_id, kind, phone) SELECT 'v' || g, 'c1', 'PUBLIC', (13000000000 + g)::text FROM generate_series(0, 199999) g`);
  await client.query(`
    INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, created_at, invalidated_at)
    SELECT 'c1', 'a' || (1 + floor(${ENTRIES} * random() ^ 2))::int, 'v' || (g % 200000), current_date, 'R' || g, 'k' || g, now(), CASE WHEN g % 97 = 0 THEN now() END
    FROM generate_series(1, ${VOTES}) g`);
  await client.query('VACUUM ANALYZE');
  console.log(`\nset-up: ${ENTRIES} entries, ${ENTRIES * PER_ENTRY} sheets, ${ENTRIES * PER_ENTRY * 5} scores, ${VOTES} votes in ${((Date.now() - setupStart) / 1000).toFixed(1)} s\n`);

  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: 'c1' },
    select: {
      id: true,
      scoreAggregation: true,
      disputeSpread: true,
      expertWeight: true,
      voteWeight: true,
      fields: { select: { id: true, name: true, orgFields: true, sortOrder: true } },
      rubric: { select: { criteria: { select: { id: true, name: true, maxPoints: true, guidance: true, sortOrder: true } } } },
    },
  });
  const stages = [{ kind: 'VOTING' as const, isEnabled: true, startsAt: new Date(0), endsAt: new Date(0) }];
  const check = await loadRanking({ ...campaign, stages });
  if (check.rows.length !== ENTRIES || check.rows.some((row) => row.submitted !== PER_ENTRY)) throw new Error('ranking incomplete');
  const result = await time('loadRanking (1000 entries, 1M votes)', 20, () => loadRanking({ ...campaign, stages }));
  console.log(`top: ${check.rows[0].brandName} ${check.rows[0].score} (votes ${check.rows[0].votes}, expert ${check.rows[0].expertScore})`);
  console.log(`ranking: ${ENTRIES} entries, ${VOTES} votes, ${Math.round(result.median)} ms`);
  await client.end();
  await disconnectDb();
});
