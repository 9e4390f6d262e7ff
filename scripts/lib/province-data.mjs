// The province-scale data set (issue 21 bench:dashboard, issue 22 seed:province): a province root with cities,
// counties/committees and branches, one 选树 campaign carried through every stage (申报 → 逐级推荐 → 资格审查 → 品牌清单 →
// 投票 and 专家评审 → 实地核验 → 初评/审定 → 公示 with 异议 → 通报表扬 → 培育创建 with 台帐 → 验收认定), voters and
// votes over the voting weeks with planted 刷票 patterns, and a 示范建设 program with sites and belts.
//
// Set-based SQL only (INSERT … SELECT generate_series, one transaction), so the full set builds in well under two
// minutes on two cores. Every id, code, login name and number starts with the prefix: the set never touches other
// data (the demo city) and a second run with the same prefix finds the root and does nothing.
//
// Dates follow the clock: the campaign opened 16 months ago (Asia/Shanghai), the 台帐 covers the 12 months up to the
// last one, and 验收认定 is under way.

/** The full province: ≈1,400 organizations, 1,000 listed entries, 200 experts, 100,000 voters, 1,000,000 votes, 60,000 台帐 entries. */
export const PROVINCE_FULL = Object.freeze({
  cities: 14,
  countiesPerCity: 7,
  branches: 1300,
  entries: 1000,
  experts: 200,
  expertsPerEntry: 5,
  memberVoters: 30_000,
  publicVoters: 70_000,
  votes: 1_000_000,
  votingDays: 21,
  ledgerEntries: 60_000,
  ledgerMonths: 12,
  decided: 150,
  objections: 60,
  acceptance: 300,
  sites: 300,
  belts: 20,
});

/** The full set scaled down by `factor` (0 < factor ≤ 1), keeping enough of everything for every stage to show. */
export function provinceScale(factor = 1) {
  if (factor >= 1) return { ...PROVINCE_FULL };
  const of = (value, min) => Math.max(min, Math.round(value * factor));
  const cities = of(PROVINCE_FULL.cities, 2);
  const branches = of(PROVINCE_FULL.branches, 60);
  const entries = Math.min(of(PROVINCE_FULL.entries, 40), Math.floor(branches * 0.75));
  return {
    cities,
    countiesPerCity: of(PROVINCE_FULL.countiesPerCity, 2),
    branches,
    entries,
    experts: of(PROVINCE_FULL.experts, 45),
    expertsPerEntry: 5,
    memberVoters: of(PROVINCE_FULL.memberVoters, 100),
    publicVoters: of(PROVINCE_FULL.publicVoters, 300),
    votes: of(PROVINCE_FULL.votes, 3000),
    votingDays: PROVINCE_FULL.votingDays,
    ledgerEntries: of(PROVINCE_FULL.ledgerEntries, 600),
    ledgerMonths: PROVINCE_FULL.ledgerMonths,
    decided: Math.min(of(PROVINCE_FULL.decided, 20), entries),
    objections: of(PROVINCE_FULL.objections, 10),
    acceptance: Math.min(of(PROVINCE_FULL.acceptance, 20), entries),
    sites: Math.min(of(PROVINCE_FULL.sites, 20), entries),
    belts: of(PROVINCE_FULL.belts, 2),
  };
}

const FIELDS = [
  ['农村', 'RURAL'],
  ['街道社区', 'COMMUNITY'],
  ['机关', 'GOVERNMENT'],
  ['教育', 'EDUCATION'],
  ['卫生', 'HEALTH'],
  ['国有企业', 'SOE'],
  ['两新组织', 'NON_PUBLIC'],
  ['政法', 'GOVERNMENT'],
  ['高校', 'EDUCATION'],
];
const CITY_NAMES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西'];

/**
 * Builds the set through `client` (a connected `pg.Client` of the database owner) in one transaction.
 * Returns the ids to find it by and the counts it made; `existing: true` when the prefix's root was already there.
 *
 * @param {import('pg').Client} client
 * @param {{ prefix?: string; scale?: ReturnType<typeof provinceScale>; passwordHash?: string; evidencePhoto?: { size: number; sha256: string }; log?: (message: string) => void }} [options]
 */
export async function generateProvince(client, options = {}) {
  const p = options.prefix ?? 'pv';
  if (!/^[a-z][a-z0-9]{0,7}$/.test(p)) throw new Error(`prefix must be 1–8 lowercase letters/digits: ${p}`);
  const P = p.toUpperCase();
  const s = { ...(options.scale ?? PROVINCE_FULL) };
  const log = options.log ?? (() => {});
  const hash = (options.passwordHash ?? '!').replaceAll("'", "''");
  const ids = { prefix: p, rootOrgId: `${p}-root`, campaignId: `${p}-cmp`, programId: `${p}-prog`, adminUserId: `${p}-u-admin` };

  const found = await client.query('SELECT 1 FROM organizations WHERE id = $1', [ids.rootOrgId]);
  if (found.rowCount) return { ...ids, existing: true, scale: s };

  const counties = s.cities * s.countiesPerCity;
  const E = s.entries;
  const V = s.memberVoters + s.publicVoters;
  const perField = Math.floor(s.experts / FIELDS.length);
  if (perField < s.expertsPerEntry) throw new Error(`need at least ${s.expertsPerEntry * FIELDS.length} experts`);
  const started = Date.now();
  const step = async (label, sql) => {
    const at = Date.now();
    const result = await client.query(sql);
    log(`  ${label}: ${result.rowCount ?? ''} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    return result;
  };

  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL synchronous_commit = off`);
    await client.query(`SELECT setseed(0.21)`);
    // T0: the first of the month, 16 months ago, in Asia/Shanghai (a local timestamp); `at(x)` is T0 + x as timestamptz.
    const { rows } = await client.query(`SELECT to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '16 months', 'YYYY-MM-DD') AS t0`);
    const t0 = rows[0].t0;
    const at = (offset) => `(('${t0}'::timestamp + interval '${offset}') AT TIME ZONE 'Asia/Shanghai')`;
    const day = (offset) => `('${t0}'::date + interval '${offset}')::date`;
    const year = Number(t0.slice(0, 4));

    // ── Organizations: province → cities (市委) → counties (县委/党工委) → branches (支部) ──
    await step('organizations', `
      INSERT INTO organizations (id, parent_id, path, depth, sort_order, name, code, level_label, member_count, updated_at)
      SELECT '${p}-root', NULL, '/${p}-root/', 0, 0, '示范省委', '${P}-ROOT', '省委', 0, now()
      UNION ALL
      SELECT '${p}-c' || c, '${p}-root', '/${p}-root/${p}-c' || c || '/', 1, c,
        (ARRAY[${CITY_NAMES.map((name) => `'${name}'`).join(',')}])[1 + (c - 1) % ${CITY_NAMES.length}] || CASE WHEN c > ${CITY_NAMES.length} THEN c::text ELSE '' END || '市委',
        '${P}-C' || c, '市委', 0, now()
      FROM generate_series(1, ${s.cities}) c
      UNION ALL
      SELECT '${p}-k' || k, '${p}-c' || (1 + (k - 1) % ${s.cities}), '/${p}-root/${p}-c' || (1 + (k - 1) % ${s.cities}) || '/${p}-k' || k || '/', 2, k,
        CASE WHEN k % 4 = 0 THEN '第' || k || '党工委' ELSE '第' || k || '县委' END, '${P}-K' || k, CASE WHEN k % 4 = 0 THEN '党工委' ELSE '县委' END, 0, now()
      FROM generate_series(1, ${counties}) k
      UNION ALL
      SELECT '${p}-b' || b, '${p}-k' || (1 + (b - 1) % ${counties}),
        '/${p}-root/${p}-c' || (1 + ((b - 1) % ${counties}) % ${s.cities}) || '/${p}-k' || (1 + (b - 1) % ${counties}) || '/${p}-b' || b || '/', 3, b,
        '第' || b || '党支部', '${P}-B' || b, '支部', CASE WHEN b = 7 THEN 5 ELSE 40 + b % 30 END, now()
      FROM generate_series(1, ${s.branches}) b`);
    await client.query(`
      UPDATE organizations SET field = (ARRAY[${FIELDS.map(([, field]) => `'${field}'`).join(',')}])[1 + substring(id from '[0-9]+$')::int % ${FIELDS.length}]::"OrgField"
      WHERE id LIKE '${p}-b%'`);

    // ── Users: the province's 组织部 admin, a committee admin per city and county, a secretary per branch, experts ──
    await step('users', `
      INSERT INTO users (id, login_name, display_name, password_hash, must_change_password, updated_at)
      SELECT '${p}-u-admin', '${p}_admin', '省委组织部管理员', '${hash}', false, now()
      UNION ALL SELECT '${p}-u-c' || c, '${p}_c' || c, '市委管理员' || c, '${hash}', false, now() FROM generate_series(1, ${s.cities}) c
      UNION ALL SELECT '${p}-u-k' || k, '${p}_k' || k, '县委管理员' || k, '${hash}', false, now() FROM generate_series(1, ${counties}) k
      UNION ALL SELECT '${p}-u-b' || b, '${p}_b' || b, '支部书记' || b, '${hash}', false, now() FROM generate_series(1, ${s.branches}) b
      UNION ALL SELECT '${p}-u-x' || x, '${p}_x' || x, '评审专家' || x, '${hash}', false, now() FROM generate_series(1, ${s.experts}) x
      UNION ALL SELECT '${p}-u-m' || m, '${p}_m' || m, '党员' || m, '!', true, now() FROM generate_series(1, ${s.memberVoters}) m`);
    await step('role assignments', `
      INSERT INTO role_assignments (id, user_id, role, organization_id)
      SELECT '${p}-ra-admin', '${p}-u-admin', 'ORG_ADMIN'::"Role", '${p}-root'
      UNION ALL SELECT '${p}-ra-c' || c, '${p}-u-c' || c, 'COMMITTEE_ADMIN', '${p}-c' || c FROM generate_series(1, ${s.cities}) c
      UNION ALL SELECT '${p}-ra-k' || k, '${p}-u-k' || k, 'COMMITTEE_ADMIN', '${p}-k' || k FROM generate_series(1, ${counties}) k
      UNION ALL SELECT '${p}-ra-b' || b, '${p}-u-b' || b, 'BRANCH_SECRETARY', '${p}-b' || b FROM generate_series(1, ${s.branches}) b
      UNION ALL SELECT '${p}-ra-x' || x, '${p}-u-x' || x, 'EXPERT', '${p}-root' FROM generate_series(1, ${s.experts}) x
      UNION ALL SELECT '${p}-ra-m' || m, '${p}-u-m' || m, 'MEMBER', '${p}-b' || (1 + (m - 1) % ${s.branches}) FROM generate_series(1, ${s.memberVoters}) m`);
    await client.query(`
      INSERT INTO expert_profiles (user_id, expertise, title, work_unit, updated_at)
      SELECT '${p}-u-x' || x, ARRAY[(ARRAY[${FIELDS.map(([, field]) => `'${field}'`).join(',')}])[1 + (x - 1) % ${FIELDS.length}]]::"OrgField"[],
        '研究员', '省委党校', now()
      FROM generate_series(1, ${s.experts}) x`);

    // ── The campaign, its stages, fields, rubric, awards and quotas ──
    await client.query(`
      INSERT INTO campaigns (id, title, year, description, owner_org_id, status, program, published_at, default_quota, recommending_depths,
        public_voting_enabled, results_visibility, acceptance_request_deadline, acceptance_complete_by, created_by_id, created_at, updated_at)
      VALUES ('${p}-cmp', '示范省${year}年度基层党建品牌选树', ${year}, '省级规模数据集', '${p}-root', 'PUBLISHED', 'SELECTION', ${at('0 days')},
        15, '{1,2}', true, 'LIVE', ${day('17 months')}, ${day('18 months')}, '${p}-u-admin', ${at('0 days')}, now())`);
    const stages = [
      ['DECLARATION', '0 days', '1 month'],
      ['RECOMMENDATION', '1 month', '2 months'],
      ['QUALIFICATION', '2 months', '2 months 14 days'],
      ['VOTING', '2 months 14 days', `2 months ${14 + s.votingDays} days`],
      ['EXPERT_REVIEW', '2 months 14 days', '3 months'],
      ['ONSITE_CHECK', '3 months', '3 months 14 days'],
      ['DELIBERATION', '3 months 14 days', '3 months 21 days'],
      ['PUBLICITY', '3 months 21 days', '3 months 28 days'],
      ['ANNOUNCEMENT', '3 months 28 days', '4 months'],
      ['CULTIVATION', '4 months', '19 months'],
      ['ACCEPTANCE', '13 months', '19 months'],
      ['PROMOTION', '4 months', '28 months'],
    ];
    await client.query(`
      INSERT INTO campaign_stages (id, campaign_id, kind, is_enabled, starts_at, ends_at) VALUES
      ${stages.map(([kind, from, to]) => `('${p}-st-${kind}', '${p}-cmp', '${kind}', true, ${at(from)}, ${at(to)})`).join(',\n')}`);
    await client.query(`
      INSERT INTO campaign_fields (id, campaign_id, name, sort_order, org_fields) VALUES
      ${FIELDS.map(([name, field], index) => `('${p}-f${index + 1}', '${p}-cmp', '${name}', ${index + 1}, '{${field}}')`).join(',')}`);
    await client.query(`INSERT INTO rubrics (id, campaign_id, template) VALUES ('${p}-rub', '${p}-cmp', 'FOUR_HAVE_ONE_GOOD')`);
    await client.query(`
      INSERT INTO criteria (id, rubric_id, sort_order, name, max_points, guidance)
      SELECT '${p}-cr' || g, '${p}-rub', g, (ARRAY['有组织体系','有工作载体','有制度规范','有实践成效','有良好口碑'])[g], 20, '' FROM generate_series(1, 5) g`);
    await client.query(`
      INSERT INTO awards (id, campaign_id, kind, name, count, sort_order) VALUES
      ('${p}-aw1', '${p}-cmp', 'TOP_TEN', '十大党建品牌', 10, 1),
      ('${p}-aw2', '${p}-cmp', 'EXCELLENT', '优秀党建品牌', 50, 2),
      ('${p}-aw3', '${p}-cmp', 'DEMONSTRATION', '省委示范品牌', ${Math.max(1, s.decided)}, 3),
      ('${p}-aw4', '${p}-cmp', 'POPULARITY', '最佳人气', 1, 4)`);
    await client.query(`
      INSERT INTO quotas (id, campaign_id, organization_id, "limit")
      SELECT '${p}-q' || c, '${p}-cmp', '${p}-c' || c, ${Math.ceil((E * 1.1) / s.cities)} FROM generate_series(1, ${s.cities}) c`);
    await client.query(`
      INSERT INTO recommendation_deadlines (campaign_id, depth, ends_at) VALUES ('${p}-cmp', 2, ${at('1 month 14 days')}), ('${p}-cmp', 1, ${at('2 months')})`);

    // ── Who gets how far: a deterministic shuffle of the submitted declarations; the first `entries` pass everything ──
    // stage 0 not submitted, 1 stopped by the county, 2 by the city, 3 failed 资格审查, 4 on the 品牌清单 (li = list order).
    await client.query(`
      CREATE TEMP TABLE gen_app ON COMMIT DROP AS
      WITH b AS (
        SELECT b, CASE WHEN b % 40 = 0 THEN 'DRAFT' WHEN b % 47 = 0 THEN 'RETURNED' ELSE 'SUBMITTED' END AS status
        FROM generate_series(1, ${s.branches}) b
      ), k AS (
        SELECT b, status, CASE WHEN status = 'SUBMITTED' THEN row_number() OVER (PARTITION BY status = 'SUBMITTED' ORDER BY md5('${p}' || b)) END AS k FROM b
      )
      SELECT b, status, k, 1 + (b - 1) % ${counties} AS county, 1 + ((b - 1) % ${counties}) % ${s.cities} AS city, 1 + b % ${FIELDS.length} AS field,
        CASE WHEN k IS NULL THEN 0 WHEN k <= ${E} THEN 4 WHEN k % 3 = 0 THEN 1 WHEN k % 3 = 1 THEN 2 ELSE 3 END AS stage,
        CASE WHEN k <= ${E} THEN k END AS li
      FROM k`);
    await client.query(`CREATE UNIQUE INDEX ON gen_app (li)`);
    await client.query(`ANALYZE gen_app`);

    await step('brands', `
      INSERT INTO brands (id, organization_id, name, created_at, updated_at)
      SELECT '${p}-br' || b, '${p}-b' || b, '品牌' || b, ${at('10 days')}, now() FROM gen_app WHERE status <> 'DRAFT'`);
    await step('applications', `
      INSERT INTO applications (id, campaign_id, organization_id, brand_id, status, field_id, brand_name, slogan, essence, practices,
        secretary_name, contact_name, contact_phone, submitted_at, return_reason, returned_from, created_by_id, created_at, updated_at)
      SELECT '${p}-a' || b, '${p}-cmp', '${p}-b' || b, CASE WHEN status <> 'DRAFT' THEN '${p}-br' || b END, status::"ApplicationStatus", '${p}-f' || field,
        CASE WHEN status = 'DRAFT' THEN '' ELSE '品牌' || b END, '初心如磐 使命在肩', '以党建引领基层治理。', '开展主题党日与志愿服务。',
        '支部书记' || b, '联系人' || b, '139' || lpad(b::text, 8, '0'),
        CASE WHEN status <> 'DRAFT' THEN ${at('1 day')} + (b % 600) * interval '1 hour' END,
        CASE WHEN status = 'RETURNED' THEN '材料不全，请补充' END, CASE WHEN status = 'RETURNED' THEN 'RECOMMENDATION'::"StageKind" END,
        '${p}-u-b' || b, ${at('1 day')}, now()
      FROM gen_app`);
    await step('recommendations', `
      INSERT INTO recommendations (id, campaign_id, application_id, organization_id, decision, rank, opinion, reason, decided_by_id, decided_at, created_at, updated_at)
      SELECT '${p}-rk' || b, '${p}-cmp', '${p}-a' || b, '${p}-k' || county,
        CASE WHEN stage = 1 THEN 'NOT_RECOMMENDED' ELSE 'RECOMMENDED' END::"RecommendationDecision",
        row_number() OVER (PARTITION BY county ORDER BY k), '同意推荐', CASE WHEN stage = 1 THEN '名额有限，暂不推荐' END,
        '${p}-u-k' || county, ${at('1 month 10 days')}, ${at('1 month')}, now()
      FROM gen_app WHERE stage >= 1
      UNION ALL
      SELECT '${p}-rc' || b, '${p}-cmp', '${p}-a' || b, '${p}-c' || city,
        CASE WHEN stage = 2 THEN 'NOT_RECOMMENDED' ELSE 'RECOMMENDED' END::"RecommendationDecision",
        row_number() OVER (PARTITION BY city ORDER BY k), '同意推荐', CASE WHEN stage = 2 THEN '特色不够鲜明' END,
        '${p}-u-c' || city, ${at('1 month 25 days')}, ${at('1 month 15 days')}, now()
      FROM gen_app WHERE stage >= 2`);
    await step('qualifications', `
      INSERT INTO qualifications (id, campaign_id, application_id, checks, result, reason, reviewed_by_id, reviewed_at)
      SELECT '${p}-ql' || b, '${p}-cmp', '${p}-a' || b, '{}', CASE WHEN stage = 3 THEN 'FAILED' ELSE 'PASSED' END::"QualificationResult",
        CASE WHEN stage = 3 THEN '申报材料与实际不符' END, '${p}-u-admin', ${at('2 months 7 days')}
      FROM gen_app WHERE stage >= 3`);
    await client.query(`INSERT INTO brand_lists (id, campaign_id, version, published_by_id, published_at) VALUES ('${p}-bl', '${p}-cmp', 1, '${p}-u-admin', ${at('2 months 13 days')})`);
    await step('brand list', `
      INSERT INTO brand_list_entries (id, list_id, application_id, sort_order, brand_name, organization_name, field_name, region_name)
      SELECT '${p}-ble' || li, '${p}-bl', '${p}-a' || b, li, '品牌' || b, '第' || b || '党支部', (ARRAY[${FIELDS.map(([name]) => `'${name}'`).join(',')}])[field], '第' || county || '县委'
      FROM gen_app WHERE stage = 4`);

    // ── 专家评审: a panel per field; each entry goes to `expertsPerEntry` experts of its field's panel, 5 criteria each ──
    await client.query(`
      INSERT INTO expert_panels (id, campaign_id, name, field_id, sort_order)
      SELECT '${p}-pn' || f, '${p}-cmp', (ARRAY[${FIELDS.map(([name]) => `'${name}'`).join(',')}])[f] || '评审组', '${p}-f' || f, f FROM generate_series(1, ${FIELDS.length}) f`);
    await client.query(`
      INSERT INTO expert_panel_members (panel_id, expert_id)
      SELECT '${p}-pn' || (1 + (x - 1) % ${FIELDS.length}), '${p}-u-x' || x FROM generate_series(1, ${perField * FIELDS.length}) x`);
    await step('review assignments', `
      INSERT INTO review_assignments (id, campaign_id, application_id, expert_id, round, source, submitted_at, created_at, updated_at)
      SELECT '${p}-ra' || li || '-' || j, '${p}-cmp', '${p}-a' || b, '${p}-u-x' || (field + ${FIELDS.length} * ((li + j) % ${perField})), 1, 'AUTO',
        CASE WHEN li % 40 = 0 AND j = ${s.expertsPerEntry - 1} THEN NULL ELSE ${at('2 months 20 days')} + (li % 200) * interval '1 hour' END,
        ${at('2 months 14 days')}, now()
      FROM gen_app, generate_series(0, ${s.expertsPerEntry - 1}) j WHERE stage = 4`);
    await step('review scores', `
      INSERT INTO review_scores (assignment_id, criterion_id, points, updated_at)
      SELECT a.id, '${p}-cr' || c, round((11 + 9 * random())::numeric, 1), now()
      FROM review_assignments a, generate_series(1, 5) c WHERE a.campaign_id = '${p}-cmp' AND a.submitted_at IS NOT NULL`);
    await step('onsite checks', `
      INSERT INTO onsite_checks (id, campaign_id, application_id, scheduled_on, findings, result, recorded_at, updated_at)
      SELECT '${p}-os' || li, '${p}-cmp', '${p}-a' || b, ${day('3 months 5 days')}, '与申报材料相符', CASE WHEN li > ${s.decided} AND li % 9 = 0 THEN 'PENDING' ELSE 'PASSED' END::"OnsiteResult",
        CASE WHEN li > ${s.decided} AND li % 9 = 0 THEN NULL ELSE ${at('3 months 6 days')} END, now()
      FROM gen_app WHERE stage = 4 AND li <= ${Math.min(E, s.decided * 2)}`);

    // ── 投票: member voters (党员 accounts) and public voters (phones); votes over the voting weeks, evenings busier,
    // the last days busier still, popularity skewed (entry = 1 + ⌊E·u²⌋); ~0.9 % invalidated; planted patterns:
    // one IP's burst, one /24 network's burst, one entry's spike, and a branch with more voters than members. ──
    await step('voters', `
      INSERT INTO voters (id, campaign_id, kind, user_id, phone, organization_id, created_at)
      SELECT '${p}-v' || v, '${p}-cmp', 'MEMBER'::"VoterKind", '${p}-u-m' || v, NULL, '${p}-b' || (1 + (v - 1) % ${s.branches}), ${at('2 months 14 days')}
      FROM generate_series(1, ${s.memberVoters}) v
      UNION ALL
      SELECT '${p}-v' || v, '${p}-cmp', 'PUBLIC', NULL, (13800000000 + v)::text, NULL, ${at('2 months 14 days')}
      FROM generate_series(${s.memberVoters + 1}, ${V}) v`);
    // 25 extra member voters on branch 7 (5 members): 单位投票人数超过党员人数.
    // A million rows go in ~3× faster without the plain indexes of votes, rebuilt afterwards (sorted, in one pass each);
    // only a role that owns the table may (the benchmark's and the seed's owner role; the app role just inserts).
    const { rows: owned } = await client.query(`SELECT pg_has_role(current_user, tableowner, 'USAGE') AS owns FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'votes'`);
    const rebuild = s.votes >= 100_000 && owned[0]?.owns === true;
    const voteIndexes = rebuild
      ? (
          await client.query(`
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = 'votes'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
        ).rows
      : [];
    if (rebuild) {
      await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const index of voteIndexes) await client.query(`DROP INDEX ${client.escapeIdentifier(index.indexname)}`);
    }
    const planted = { ip: 240, subnet: 300, spike: 400 };
    const regular = s.votes - planted.ip - planted.subnet - planted.spike;
    const voteStart = `'${t0}'::timestamp + interval '2 months 14 days'`;
    await step('votes', `
      INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, ip, user_agent, device_id, created_at, invalidated_at, invalid_reason, invalidated_by_id)
      SELECT '${p}-cmp', '${p}-a' || l.b, '${p}-v' || x.v, x.local::date, '${P}' || x.g, 'k' || x.g,
        (11 + x.v % 200) || '.' || (x.v / 200) % 250 || '.' || (x.v / 50000) % 250 || '.' || (1 + x.v % 251), 'Mozilla/5.0 (iPhone)', 'd' || x.v,
        x.local AT TIME ZONE 'Asia/Shanghai',
        CASE WHEN x.g % 113 = 0 THEN (x.local + interval '2 days') AT TIME ZONE 'Asia/Shanghai' END,
        CASE WHEN x.g % 113 = 0 THEN '同一设备异常投票' END, CASE WHEN x.g % 113 = 0 THEN '${p}-u-admin' END
      FROM (
        SELECT g, 1 + floor(${V} * random())::int AS v, 1 + floor(${E} * random() ^ 2)::int AS li,
          ${voteStart} + floor(${s.votingDays} * sqrt(random())) * interval '1 day'
            + CASE WHEN random() < 0.35 THEN interval '19 hours' + random() * interval '3 hours' ELSE interval '7 hours' + random() * interval '16 hours' END AS local
        FROM generate_series(1, ${regular}) g
      ) x JOIN gen_app l ON l.li = x.li`);
    await step('planted votes', `
      INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, ip, user_agent, device_id, created_at)
      SELECT '${p}-cmp', '${p}-a' || (SELECT b FROM gen_app WHERE li = 1 + y.entry % ${E}), '${p}-v' || y.v, y.local::date, '${P}P' || y.g, 'p' || y.g, y.ip, 'Mozilla/5.0 (Android)', y.device, y.local AT TIME ZONE 'Asia/Shanghai'
      FROM (
        SELECT g, ${s.memberVoters} + 1 + g % 40 AS v, g % 7 AS entry, '61.187.33.77' AS ip, 'burst-' || g % 3 AS device,
          ${voteStart} + interval '5 days 2 hours' + (g % 300) * interval '1 second' AS local
        FROM generate_series(1, ${planted.ip}) g
        UNION ALL
        SELECT ${planted.ip} + g, ${s.memberVoters} + 100 + g % 120, 10 + g % 5, '113.246.8.' || (1 + g % 30), 'net-' || g % 30,
          ${voteStart} + interval '9 days 3 hours 20 minutes' + (g % 500) * interval '1 second'
        FROM generate_series(1, ${planted.subnet}) g
        UNION ALL
        SELECT ${planted.ip + planted.subnet} + g, 1 + (g * 37) % ${V}, ${Math.floor(E / 2)}, (100 + g % 150) || '.' || g % 250 || '.7.' || (1 + g % 200), 'spike-' || g,
          ${voteStart} + interval '14 days 10 hours' + (g % 540) * interval '1 second'
        FROM generate_series(1, ${planted.spike}) g
      ) y`);
    if (rebuild) {
      const at = Date.now();
      for (const index of voteIndexes) await client.query(index.indexdef);
      log(`  vote indexes rebuilt: ${voteIndexes.length} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    }
    await step('voters on branch 7', `
      UPDATE voters SET organization_id = '${p}-b7' WHERE id IN (SELECT '${p}-v' || v FROM generate_series(1, ${Math.min(25, s.memberVoters)}) v)`);
    await step('voter first-vote times', `
      UPDATE voters r SET created_at = f.first FROM (SELECT voter_id, min(created_at) AS first FROM votes WHERE campaign_id = '${p}-cmp' GROUP BY voter_id) f
      WHERE r.id = f.voter_id AND r.campaign_id = '${p}-cmp'`);

    // ── 初评 and 审定: the top `decided` entries, items and awards written before the decision is signed ──
    await client.query(`
      INSERT INTO decisions (id, campaign_id, kind, version, meeting_date, attendees, notes, created_at, updated_at) VALUES
      ('${p}-dp', '${p}-cmp', 'PRELIMINARY', 1, ${day('3 months 15 days')}, '部务会全体成员', '', ${at('3 months 15 days')}, now()),
      ('${p}-df', '${p}-cmp', 'FINAL', 1, ${day('3 months 20 days')}, '领导小组全体成员', '', ${at('3 months 20 days')}, now())`);
    await step('decision items', `
      INSERT INTO decision_items (decision_id, application_id, rank, score)
      SELECT d, '${p}-a' || b, li, round((96 - li * 30.0 / ${s.decided})::numeric, 2)
      FROM gen_app, unnest(ARRAY['${p}-dp', '${p}-df']) d WHERE li <= ${s.decided}`);
    await client.query(`
      INSERT INTO decision_awards (decision_id, application_id, award_id, is_decided, is_proposed)
      SELECT d, '${p}-a' || b, CASE WHEN li <= 10 THEN '${p}-aw1' WHEN li <= 60 THEN '${p}-aw2' ELSE '${p}-aw3' END, true, true
      FROM gen_app, unnest(ARRAY['${p}-dp', '${p}-df']) d WHERE li <= ${s.decided}`);
    await client.query(`
      UPDATE decisions SET signed_at = CASE kind WHEN 'PRELIMINARY' THEN ${at('3 months 15 days 12 hours')} ELSE ${at('3 months 20 days 12 hours')} END,
        signed_by_id = '${p}-u-admin' WHERE campaign_id = '${p}-cmp'`);

    // ── 公示 and 异议: objections in every status; two upheld (those entries get no honour) ──
    await client.query(`
      INSERT INTO publicities (id, campaign_id, version, decision_id, starts_at, ends_at, notice, published_at, published_by_id)
      VALUES ('${p}-pub', '${p}-cmp', 1, '${p}-df', ${at('3 months 21 days')}, ${at('3 months 28 days')}, '现予公示。', ${at('3 months 21 days')}, '${p}-u-admin')`);
    const upheld = [Math.min(37, s.decided), Math.min(88, s.decided - 1)];
    await step('objections', `
      INSERT INTO objections (id, campaign_id, application_id, publicity_id, tracking_code, name, phone, facts, status, outcome, answer, answered_at, ip, created_at, updated_at)
      SELECT '${p}-ob' || o, '${p}-cmp', '${p}-a' || g.b, '${p}-pub', '${P}-YY-' || lpad(o::text, 5, '0'), '群众' || o, (13700000000 + o)::text, '反映申报材料存在夸大。',
        st::"ObjectionStatus", CASE WHEN st = 'ANSWERED' THEN (CASE WHEN g.li IN (${upheld.join(',')}) THEN 'UPHELD' ELSE 'DISMISSED' END)::"ObjectionOutcome" END,
        CASE WHEN st IN ('ANSWERED', 'DECLINED') THEN '经核查，已答复。' END, CASE WHEN st IN ('ANSWERED', 'DECLINED') THEN ${at('3 months 27 days')} END,
        '36.1.2.' || o, ${at('3 months 22 days')} + o * interval '1 hour', now()
      FROM (
        SELECT o, CASE WHEN o <= 2 THEN (ARRAY[${upheld.join(',')}])[o] ELSE 1 + (o * 7) % ${s.decided} END AS target,
          CASE WHEN o <= 2 THEN 'ANSWERED' ELSE (ARRAY['RECEIVED','ACCEPTED','INVESTIGATING','ANSWERED','DECLINED'])[1 + o % 5] END AS st
        FROM generate_series(1, ${s.objections}) o
      ) x JOIN gen_app g ON g.li = x.target`);
    await client.query(`
      INSERT INTO objection_events (id, objection_id, step, note, actor_id, created_at)
      SELECT '${p}-oe' || o.id, o.id, 'FILED', '', NULL, o.created_at FROM objections o WHERE o.campaign_id = '${p}-cmp'`);

    // ── 通报表扬: the announcement and one honour per decided entry (one revoked) ──
    await client.query(`
      INSERT INTO announcements (id, campaign_id, decision_id, title, document_no, preamble, issued_on, published_at, published_by_id)
      VALUES ('${p}-ann', '${p}-cmp', '${p}-df', '关于表扬${year}年度基层党建品牌的通报', '${P}组通〔${year}〕1号', '', ${day('3 months 29 days')}, ${at('3 months 29 days')}, '${p}-u-admin')`);
    await step('honors', `
      INSERT INTO honors (id, campaign_id, announcement_id, application_id, award_id, certificate_no, brand_name, organization_name, award_name, sort_order, issued_on, revoked_at, revoke_reason, revoked_by_id)
      SELECT '${p}-h' || li, '${p}-cmp', '${p}-ann', '${p}-a' || b, a.id, '${P}-${year}-' || lpad(li::text, 4, '0'), '品牌' || b, '第' || b || '党支部', a.name, li,
        ${day('3 months 29 days')},
        CASE WHEN li = ${s.decided} THEN ${at('6 months')} END, CASE WHEN li = ${s.decided} THEN '经查存在失实情况' END, CASE WHEN li = ${s.decided} THEN '${p}-u-admin' END
      FROM gen_app JOIN awards a ON a.id = CASE WHEN li <= 10 THEN '${p}-aw1' WHEN li <= 60 THEN '${p}-aw2' ELSE '${p}-aw3' END
      WHERE li <= ${s.decided} AND li NOT IN (${upheld.join(',')})`);

    // ── 培育创建: every listed brand, its plan, 台帐 entries over 12 months, monthly reports (some late, some missing) ──
    await step('cultivations', `
      INSERT INTO cultivations (id, brand_id, campaign_id, application_id, status, started_at, created_at, updated_at)
      SELECT '${p}-cu' || li, '${p}-br' || b, '${p}-cmp', '${p}-a' || b, 'CULTIVATING', ${at('4 months')}, ${at('4 months')}, now() FROM gen_app WHERE stage = 4`);
    await step('plans', `
      INSERT INTO cultivation_plans (id, cultivation_id, goals, measures, tasks, status, revision, submitted_at, decided_at, decided_by_id, return_reason, updated_at)
      SELECT '${p}-pl' || li, '${p}-cu' || li, '打造特色品牌', '每月主题党日', '[]', st::"PlanStatus", 1,
        CASE WHEN st <> 'DRAFT' THEN ${at('4 months 5 days')} END, CASE WHEN st IN ('APPROVED', 'RETURNED') THEN ${at('4 months 10 days')} END,
        CASE WHEN st IN ('APPROVED', 'RETURNED') THEN '${p}-u-k' || county END, CASE WHEN st = 'RETURNED' THEN '目标不够具体' END, now()
      FROM (SELECT li, county, CASE WHEN li % 20 = 3 THEN 'DRAFT' WHEN li % 20 = 7 THEN 'SUBMITTED' WHEN li % 25 = 11 THEN 'RETURNED' ELSE 'APPROVED' END AS st FROM gen_app WHERE stage = 4) x`);
    await step('ledger entries', `
      INSERT INTO ledger_entries (id, cultivation_id, month, occurred_on, activity, place, participants, summary, created_by_id, created_at)
      SELECT '${p}-le' || g, '${p}-cu' || c, mo, mo + (g % 28), (ARRAY['主题党日','三会一课','志愿服务','党员学习','结对共建'])[1 + g % 5], '党员活动室', '全体党员', '按计划开展活动',
        '${p}-u-b' || (SELECT b FROM gen_app WHERE li = c), (mo + (g % 28)) + interval '20 hours'
      FROM (
        SELECT g, 1 + floor(${E} * random())::int AS c, ('${t0}'::date + interval '4 months' + floor(${s.ledgerMonths} * random() ^ 0.8) * interval '1 month')::date AS mo
        FROM generate_series(1, ${s.ledgerEntries}) g
      ) x`);
    await step('ledger reports', `
      INSERT INTO ledger_reports (id, cultivation_id, month, due_at, reported_at, is_late, reported_by_id, entry_count)
      SELECT '${p}-lr' || n.c || '-' || to_char(n.month, 'YYYYMM'), n.c, n.month, d.due, d.due + CASE WHEN n.seq % 5 = 0 THEN interval '2 days' ELSE interval '-3 days' END,
        n.seq % 5 = 0, NULL, n.entries
      FROM (
        SELECT cultivation_id AS c, month, count(*) AS entries, row_number() OVER (ORDER BY cultivation_id, month) AS seq
        FROM ledger_entries WHERE cultivation_id LIKE '${p}-cu%' GROUP BY 1, 2
      ) n, LATERAL (SELECT ((n.month + interval '25 days')::timestamp AT TIME ZONE 'Asia/Shanghai') AS due) d
      WHERE n.seq % 10 <> 0 AND d.due < now()`);

    // ── 验收认定: requests from the first `acceptance` cultivations; 40 % passed (认定), 10 % failed, the rest in review or waiting ──
    await step('acceptance requests', `
      INSERT INTO acceptance_requests (id, cultivation_id, round, status, background, measures, results, ledger_months, ledger_entries, requested_by_id, requested_at,
        criteria, group_formed_at, findings, decided_at, decided_by_id)
      SELECT '${p}-ar' || li, '${p}-cu' || li, 1, st::"AcceptanceStatus", '创建背景', '主要做法', '取得成效',
        (SELECT count(*) FROM ledger_reports r WHERE r.cultivation_id = '${p}-cu' || li), (SELECT count(*) FROM ledger_entries e WHERE e.cultivation_id = '${p}-cu' || li),
        '${p}-u-b' || b, ${at('13 months')} + li * interval '1 hour', '[]',
        CASE WHEN st <> 'WAITING' THEN ${at('13 months 20 days')} END, CASE WHEN st = 'FAILED' THEN '台帐记录不完整，成效不明显' ELSE '' END,
        CASE WHEN st IN ('PASSED', 'FAILED') THEN ${at('14 months')} END, CASE WHEN st IN ('PASSED', 'FAILED') THEN '${p}-u-admin' END
      FROM (SELECT li, b, (ARRAY['PASSED','PASSED','PASSED','PASSED','FAILED','REVIEWING','REVIEWING','REVIEWING','WAITING','WAITING'])[1 + li % 10] AS st
            FROM gen_app WHERE li <= ${s.acceptance}) x`);
    await client.query(`
      INSERT INTO acceptance_experts (request_id, expert_id, scores, comment, submitted_at)
      SELECT r.id, '${p}-u-x' || (1 + (substring(r.id from '[0-9]+$')::int * 3 + j) % ${s.experts}), ARRAY[18, 17, 19, 16, 18], '',
        CASE WHEN r.status <> 'REVIEWING' OR j = 0 THEN ${at('13 months 25 days')} END
      FROM acceptance_requests r, generate_series(0, 2) j WHERE r.id LIKE '${p}-ar%' AND r.status <> 'WAITING'`);
    await step('recognitions', `
      INSERT INTO recognitions (id, cultivation_id, request_id, recognition_no, brand_name, organization_name, issued_on, created_at)
      SELECT '${p}-rg' || substring(r.id from '[0-9]+$'), r.cultivation_id, r.id, '${P}-RD-' || lpad(substring(r.id from '[0-9]+$'), 4, '0'),
        a.brand_name, '第' || substring(a.organization_id from '[0-9]+$') || '党支部', ${day('14 months')}, ${at('14 months')}
      FROM acceptance_requests r JOIN cultivations c ON c.id = r.cultivation_id JOIN applications a ON a.id = c.application_id
      WHERE r.id LIKE '${p}-ar%' AND r.status = 'PASSED'`);
    await client.query(`
      UPDATE cultivations c SET status = CASE r.status WHEN 'PASSED' THEN 'RECOGNISED' WHEN 'FAILED' THEN 'CULTIVATING' ELSE 'ACCEPTANCE' END::"CultivationStatus",
        recognised_at = CASE WHEN r.status = 'PASSED' THEN ${at('14 months')} END
      FROM acceptance_requests r WHERE r.cultivation_id = c.id AND r.id LIKE '${p}-ar%'`);

    // ── 示范建设: a program, sites on listed brands' branches (a few revoked), belts per county with their sites ──
    const siteLists = [
      { key: 'BASIC', name: '基础建设', items: ['阵地规范', '制度上墙', '活动有记录', '台帐完整'] },
      { key: 'FEATURE', name: '特色亮点', items: ['品牌标识', '展示区', '服务项目'] },
    ];
    const beltLists = [{ key: 'BELT', name: '示范带建设', items: ['线路规划', '标识统一', '点位联动', '讲解队伍', '宣传资料'] }];
    await client.query(
      `INSERT INTO demo_programs (id, owner_org_id, title, start_year, years, min_sites_per_belt, site_checklists, belt_checklists, score_sheet, created_by_id, updated_at)
       VALUES ('${p}-prog', '${p}-root', '示范省党建示范点示范带建设', ${year}, 3, 3, $1, $2, $3, '${p}-u-admin', now())`,
      [JSON.stringify(siteLists), JSON.stringify(beltLists), JSON.stringify([{ name: '组织建设', maxPoints: 50 }, { name: '特色成效', maxPoints: 50 }])],
    );
    await step('demo sites', `
      INSERT INTO demo_sites (id, program_id, organization_id, brand_id, name, level, address, description, status, revoked_at, revoke_reason, revoked_by_id, created_by_id, updated_at)
      SELECT '${p}-ds' || li, '${p}-prog', '${p}-b' || b, '${p}-br' || b, '品牌' || b || '示范点', CASE WHEN li % 5 = 0 THEN 'CITY' ELSE 'COUNTY' END::"SiteLevel",
        '示范省第' || county || '县', '', CASE WHEN li % 97 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END::"DemoStatus",
        CASE WHEN li % 97 = 0 THEN ${at('8 months')} END, CASE WHEN li % 97 = 0 THEN '复查不达标' END, CASE WHEN li % 97 = 0 THEN '${p}-u-admin' END, '${p}-u-admin', now()
      FROM gen_app WHERE li <= ${s.sites}`);
    const siteItems = siteLists.flatMap((list) => list.items.map((item, index) => `('${list.key}', ${index}, '${item}')`));
    await step('site checklist items', `
      INSERT INTO checklist_items (id, site_id, list_key, item_index, item_name, verdict, checked_by_id, checked_at)
      SELECT '${p}-ci' || substring(s.id from '[0-9]+$') || '-' || i.key || i.idx, s.id, i.key, i.idx, i.name, v::"ChecklistVerdict",
        CASE WHEN v <> 'PENDING' THEN '${p}-u-admin' END, CASE WHEN v <> 'PENDING' THEN ${at('7 months')} END
      FROM demo_sites s CROSS JOIN (VALUES ${siteItems.join(',')}) i(key, idx, name),
        LATERAL (SELECT CASE WHEN (substring(s.id from '[0-9]+$')::int + i.idx) % 7 = 0 THEN 'NOT_MET' WHEN (substring(s.id from '[0-9]+$')::int * 3 + i.idx) % 4 = 0 THEN 'PENDING' ELSE 'MET' END AS v) x
      WHERE s.program_id = '${p}-prog'`);
    await step('demo belts', `
      INSERT INTO demo_belts (id, program_id, owner_org_id, name, description, min_sites, status, submitted_at, decided_at, decided_by_id, return_reason, created_by_id, updated_at)
      SELECT '${p}-dt' || k, '${p}-prog', '${p}-k' || k, '第' || k || '县党建示范带', '', 3, st::"BeltStatus",
        CASE WHEN st <> 'DRAFT' THEN ${at('6 months')} END, CASE WHEN st IN ('APPROVED', 'RETURNED') THEN ${at('6 months 10 days')} END,
        CASE WHEN st IN ('APPROVED', 'RETURNED') THEN '${p}-u-admin' END, CASE WHEN st = 'RETURNED' THEN '点位数量不足' END, '${p}-u-k' || k, now()
      FROM (
        -- Only a belt with its minimum of sites may be submitted or approved (demo_belts_min_sites).
        SELECT k, CASE WHEN (SELECT count(*) FROM gen_app g WHERE g.county = k AND g.li <= ${s.sites}) >= 3
          THEN (ARRAY['APPROVED','APPROVED','SUBMITTED','DRAFT','RETURNED'])[1 + k % 5] ELSE 'DRAFT' END AS st
        FROM generate_series(1, ${Math.min(s.belts, counties)}) k
      ) x`);
    await step('belt sites', `
      INSERT INTO belt_sites (belt_id, site_id, route_order)
      SELECT '${p}-dt' || g.county, '${p}-ds' || g.li, row_number() OVER (PARTITION BY g.county ORDER BY g.li)
      FROM gen_app g WHERE g.li <= ${s.sites} AND g.county <= ${Math.min(s.belts, counties)}`);
    await client.query(`
      INSERT INTO checklist_items (id, belt_id, list_key, item_index, item_name, verdict, checked_by_id, checked_at)
      SELECT '${p}-cb' || k || '-' || i, '${p}-dt' || k, 'BELT', i, (ARRAY[${beltLists[0].items.map((item) => `'${item}'`).join(',')}])[1 + i],
        CASE WHEN (k + i) % 3 = 0 THEN 'PENDING' ELSE 'MET' END::"ChecklistVerdict",
        CASE WHEN (k + i) % 3 <> 0 THEN '${p}-u-admin' END, CASE WHEN (k + i) % 3 <> 0 THEN ${at('7 months')} END
      FROM generate_series(1, ${Math.min(s.belts, counties)}) k, generate_series(0, ${beltLists[0].items.length - 1}) i`);

    // A 达标 item has its evidence (checklist_items_met_needs_evidence): a photo record each. Its size and sha256 are
    // options.evidencePhoto's, the picture npm run seed:province then stores under every key (the benchmarks store none).
    const photo = options.evidencePhoto ?? { size: 20480, sha256: null };
    await step('checklist evidence', `
      WITH met AS (
        SELECT i.id FROM checklist_items i LEFT JOIN demo_sites s ON s.id = i.site_id LEFT JOIN demo_belts b ON b.id = i.belt_id
        WHERE i.verdict = 'MET' AND coalesce(s.program_id, b.program_id) = '${p}-prog'
      ), files AS (
        INSERT INTO stored_files (id, kind, storage_key, mime_type, size, sha256, original_name, uploaded_by_id, created_at)
        SELECT '${p}-sf-' || id, 'IMAGE', '${p}/evidence/' || id || '.webp', 'image/webp', ${Number(photo.size)}, ${photo.sha256 ? `'${String(photo.sha256).replace(/[^0-9a-f]/g, '')}'` : `md5(id) || md5(id || 'x')`}, '现场照片.webp', '${p}-u-admin', ${at('7 months')}
        FROM met RETURNING id
      )
      INSERT INTO checklist_evidence (item_id, file_id, sort_order) SELECT substring(id from ${p.length + 5}), id, 0 FROM files`);

    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { ...ids, existing: false, scale: s };
}
