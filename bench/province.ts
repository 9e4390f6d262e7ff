/**
 * The main staff pages and exports at province scale: the generator of scripts/lib/province-data.mjs (also behind
 * `npm run seed:province`) fills a throw-away embedded Postgres with ≈1,400 organizations, 1,000 listed entries, 200
 * experts, 100,000 voters, 1,000,000 votes and 60,000 台帐 entries; then times, for each page, the server-side data
 * functions the page (or route handler) calls, with the same authorization inputs: the signed-in user is the province's
 * 组织部 admin (pv_admin, whole tree) or a city committee's admin, loaded from the database like a session. Streamed
 * Excel exports are read to their last byte (the server's time to produce the whole file).
 *
 *   npm run bench:province            (PROVINCE_SCALE=0.1 for a quick run on a tenth of the set)
 *
 * Goal: every page under 1 s server time (median). Ends with `province: <n> pages, slowest <name> <ms> ms`.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runOnThrowawayDatabase } from './support/database';
import { stats } from './support/measure';
import { allowServerOnlyImports, setUpProvince } from './support/province';

allowServerOnlyImports();

const RUNS = Number(process.env.PROVINCE_RUNS ?? 7);
const LIMIT_MS = 1000;

type TRow = { name: string; median: number; p95: number };

/** Pads to `width` terminal columns (CJK characters take two). */
const padded = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

/** Reads a streamed workbook to its end; returns its size in bytes. */
async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

runOnThrowawayDatabase(async ({ ownerUrl }) => {
  const { db, disconnectDb } = await import('@/lib/db');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();

  const { province, scale } = await setUpProvince(client);
  // A page of audit rows to list (the generator writes none): 5,000 recent actions by the province's admins.
  await client.query(`
    INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after, created_at)
    SELECT '${province.prefix}-u-k' || (1 + g % ${scale.cities * scale.countiesPerCity}), 'recommend-entry', 'Recommendation', '${province.prefix}-rk' || g,
      '{"decision":"RECOMMENDED"}', now() - g * interval '1 minute'
    FROM generate_series(1, 5000) g`);
  await client.query('ANALYZE audit_logs');

  /** The session user of `userId`, built like validateSession (lib/auth/session.ts). */
  async function sessionUser(userId: string) {
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, loginName: true, displayName: true, mustChangePassword: true, roleAssignments: { select: { role: true, organization: { select: { id: true, name: true, path: true } } } } },
    });
    return {
      id: user.id,
      sessionId: 'bench',
      loginName: user.loginName,
      displayName: user.displayName,
      mustChangePassword: false,
      roles: user.roleAssignments.map((grant) => ({ role: grant.role, organizationId: grant.organization.id, organizationName: grant.organization.name, organizationPath: grant.organization.path })),
    };
  }
  const admin = await sessionUser(province.adminUserId);
  const cityAdmin = await sessionUser(`${province.prefix}-u-c1`);
  const countyAdmin = await sessionUser(`${province.prefix}-u-k1`);
  const campaignId = province.campaignId;
  const year = (await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { year: true } })).year;

  const { listStaffApplications, listStaffFilterOptions, parseStaffSearch, staffScopePaths } = await import('@/lib/application/staff-queries');
  const { findSimilarForApplications } = await import('@/lib/application/similar-names');
  const { streamApplicationsWorkbook } = await import('@/lib/application/export');
  const { getDeclarationProgressForUser } = await import('@/lib/declaration-reminder/queries');
  const { listRecommendingLevels, loadRecommendationLevel } = await import('@/lib/recommendation/queries');
  const { loadCampaignForAdmin } = await import('@/lib/campaign/admin-page');
  const { getQualificationPage, parseQualificationSearch, listQualificationTable } = await import('@/lib/qualification/queries');
  const { getCampaignDetail } = await import('@/lib/campaign/admin-queries');
  const { grantsRoleAt, scopeRoots } = await import('@/lib/auth/scope');
  const { checklistOf } = await import('@/lib/qualification/checklist');
  const { buildQualificationWorkbook } = await import('@/lib/qualification/export');
  const { loadReviewCampaignWithNow, loadReviewCampaignForPage } = await import('@/lib/review/admin-page');
  const { findStaffReviewCampaign } = await import('@/lib/review/queries');
  const { loadVoteResults } = await import('@/lib/voting/results');
  const { buildVoteResultsWorkbook } = await import('@/lib/voting/results-export');
  const { loadRanking } = await import('@/lib/review/results');
  const { buildReviewWorkbook } = await import('@/lib/review/export');
  const { listGridCampaigns, loadGridScope, gridExportScope } = await import('@/lib/cultivation/queries');
  const { loadComplianceGrid, loadGridCampaign } = await import('@/lib/cultivation/ledger-grid');
  const { streamGridWorkbook } = await import('@/lib/cultivation/grid-export');
  const { annualReviewScope } = await import('@/lib/annual-review/queries');
  const { streamAnnualWorkbook } = await import('@/lib/annual-review/export');
  const { listAcceptanceQueue } = await import('@/lib/acceptance/queries');
  const { listAcceptanceCampaigns } = await import('@/lib/acceptance/results');
  const { countOrganizationsByField, listOrganizationTree, countAdminScope } = await import('@/lib/organization/queries');
  const { listScopeOrganizationOptions, listScopedUsers } = await import('@/lib/user/queries');
  const { ZUserSearch } = await import('@/lib/user/schema');
  const { listAuditLogs } = await import('@/lib/audit-log/queries');
  const { ZAuditFilters } = await import('@/lib/audit-log/schema');
  const { depthOf } = await import('@/lib/org-tree/tree');
  const { loadDashboardScope } = await import('@/lib/dashboard/scope');
  const { getStaffDashboard } = await import('@/lib/dashboard/staff-dashboard');
  const { listCampaignsAbove } = await import('@/lib/campaign/queries');

  // Each entry: what the page or route handler runs after requirePageUser / route() (same functions, same inputs).
  const pages: [string, () => Promise<unknown>][] = [
    ['申报列表（组织部，全省）', async () => {
      const search = parseStaffSearch({ campaign: campaignId });
      const paths = staffScopePaths(admin.roles);
      const [result] = await Promise.all([listStaffApplications(paths, search), listStaffFilterOptions(paths, search.campaign)]);
      return findSimilarForApplications(result.rows.map((row) => row.id));
    }],
    ['申报列表 Excel（全省，流式）', async () => {
      const { body } = await streamApplicationsWorkbook(staffScopePaths(admin.roles), parseStaffSearch({ campaign: campaignId }));
      return drain(body);
    }],
    ['推荐工作台（市委）', async () => {
      const levels = (await listRecommendingLevels(cityAdmin.roles)).filter((level) => level.campaign.id === campaignId);
      const level = await loadRecommendationLevel(campaignId, levels[0]!.organization.id, cityAdmin.roles);
      return getDeclarationProgressForUser(level!.campaign.id, level!.organization.id, cityAdmin.roles);
    }],
    ['推荐工作台（县委）', async () => {
      const levels = (await listRecommendingLevels(countyAdmin.roles)).filter((level) => level.campaign.id === campaignId);
      const level = await loadRecommendationLevel(campaignId, levels[0]!.organization.id, countyAdmin.roles);
      return getDeclarationProgressForUser(level!.campaign.id, level!.organization.id, countyAdmin.roles);
    }],
    ['资格审查', async () => {
      const { campaign } = await loadCampaignForAdmin(admin, campaignId);
      return getQualificationPage(campaign, parseQualificationSearch({}));
    }],
    ['资格审查表 Excel', async () => {
      const campaign = await getCampaignDetail(campaignId);
      if (!campaign || !grantsRoleAt(admin.roles, ['ORG_ADMIN'], campaign.ownerOrg.path)) throw new Error('refused');
      return buildQualificationWorkbook(campaign.title, checklistOf(campaign), await listQualificationTable(campaign));
    }],
    ['投票结果', async () => {
      const { campaign } = await loadReviewCampaignWithNow(admin, campaignId);
      return loadVoteResults(campaign);
    }],
    ['投票结果 Excel', async () => {
      const campaign = await findStaffReviewCampaign(admin, campaignId);
      return buildVoteResultsWorkbook(campaign!.title, await loadVoteResults(campaign!));
    }],
    ['评审结果与排名', async () => loadRanking(await loadReviewCampaignForPage(admin, campaignId))],
    ['评审结果 Excel', async () => {
      const campaign = await findStaffReviewCampaign(admin, campaignId);
      return buildReviewWorkbook(campaign!, await loadRanking(campaign!));
    }],
    ['台帐上报情况（全省）', async () => {
      const campaigns = await listGridCampaigns(admin);
      const scope = await loadGridScope(admin);
      const id = campaigns.some((campaign) => campaign.id === campaignId) ? campaignId : campaigns[0]!.id;
      return loadComplianceGrid({ campaign: await loadGridCampaign(id), subtreePath: scope!.selected.path, page: 1 });
    }],
    ['台帐上报情况 Excel（全省，流式）', async () => {
      const scope = await gridExportScope(admin, campaignId);
      const { body } = await streamGridWorkbook(await loadGridCampaign(campaignId), scope!.path);
      return drain(body);
    }],
    ['年度考核 Excel（全省，流式）', async () => {
      const scope = await annualReviewScope(admin);
      const { body } = await streamAnnualWorkbook(scope!.selected.path, year);
      return drain(body);
    }],
    ['验收认定队列', async () => Promise.all([listAcceptanceQueue(admin, { campaignId: undefined, status: undefined }), listAcceptanceCampaigns(admin.roles)])],
    ['组织管理（组织树）', async () => {
      const paths = scopeRoots(admin.roles, ['ORG_ADMIN']).map((grant) => grant.organizationPath);
      return Promise.all([listOrganizationTree(paths), countOrganizationsByField(paths)]);
    }],
    ['用户管理', async () => {
      const paths = admin.roles.filter((grant) => grant.role === 'ORG_ADMIN').map((grant) => grant.organizationPath);
      return Promise.all([listScopedUsers(paths, ZUserSearch.parse({})), listScopeOrganizationOptions(paths)]);
    }],
    ['审计日志首页', async () => {
      const grants = admin.roles.filter((grant) => grant.role === 'ORG_ADMIN');
      return listAuditLogs({ paths: grants.map((grant) => grant.organizationPath), includeSystem: grants.some((grant) => depthOf(grant.organizationPath) === 0) }, ZAuditFilters.parse({}));
    }],
    ['组织部工作台（评选概况）', async () => {
      const scope = await loadDashboardScope(admin, 'ORG_ADMIN', { campaign: campaignId });
      const paths = admin.roles.filter((grant) => grant.role === 'ORG_ADMIN').map((grant) => grant.organizationPath);
      return Promise.all([countAdminScope(paths), listCampaignsAbove(paths), scope?.campaign ? getStaffDashboard({ campaignId: scope.campaign.id, rootOrgId: scope.root.id }) : null]);
    }],
  ];

  const only = process.env.PROVINCE_ONLY;
  const results: TRow[] = [];
  for (const [name, body] of pages) {
    if (only && !name.includes(only)) continue;
    // The first call warms caches (and the dashboard's flag detection); then RUNS timed calls, one after another.
    const first = performance.now();
    await body();
    const firstMs = performance.now() - first;
    await body();
    const samples: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      const start = performance.now();
      await body();
      samples.push(performance.now() - start);
    }
    const { median, p95 } = stats(samples);
    results.push({ name, median, p95 });
    console.log(`${padded(name, 36)} median ${median.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms   (first ${firstMs.toFixed(0)} ms)`);
  }

  console.log('\n| 页面 / 导出 | 中位数 ms | p95 ms |\n|---|---:|---:|');
  for (const row of results) console.log(`| ${row.name} | ${Math.round(row.median)} | ${Math.round(row.p95)} |`);
  const over = results.filter((row) => row.median >= LIMIT_MS);
  if (over.length) console.log(`\nover ${LIMIT_MS} ms: ${over.map((row) => row.name).join(', ')}`);
  const slowest = results.reduce((a, b) => (b.median > a.median ? b : a));
  console.log(`province: ${results.length} pages, slowest ${slowest.name} ${Math.round(slowest.median)} ms`);
  await client.end();
  await disconnectDb();
});
