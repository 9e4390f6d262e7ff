/**
 * The 组织部 dashboard at province scale: the generator of scripts/lib/province-data.mjs (also behind `npm run
 * seed:province`) fills a throw-away embedded Postgres with ≈1,400 organizations, 1,000 listed entries, 200 experts,
 * 100,000 voters, 1,000,000 votes and 60,000 台帐 entries; then times the real `getStaffDashboard` (lib/dashboard) for
 * the province's 组织部 (the whole tree) and for one city's committee (its subtree).
 *
 *   npm run bench:dashboard            (PROVINCE_SCALE=0.1 for a quick run on a tenth of the set)
 *
 * Goal: under 500 ms server time. Ends with `dashboard: <ms> ms for <votes> votes` (the province-wide median).
 */
import pg from 'pg';
import { runOnThrowawayDatabase } from './support/database';
import { time } from './support/measure';
import { allowServerOnlyImports, setUpProvince } from './support/province';

allowServerOnlyImports();

const RUNS = 15;

runOnThrowawayDatabase(async ({ ownerUrl }) => {
  const { getStaffDashboard } = await import('@/lib/dashboard/staff-dashboard');
  const { disconnectDb } = await import('@/lib/db');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();

  const { province, counts } = await setUpProvince(client);

  const whole = { campaignId: province.campaignId, rootOrgId: province.rootOrgId };
  const city = { campaignId: province.campaignId, rootOrgId: `${province.prefix}-c1` };
  // The vote-flag rules alone (the flags page runs them on every view; the dashboard keeps their last result).
  const { detectFlags } = await import('@/lib/voting/flags');
  const flagsStart = performance.now();
  const flags = await detectFlags(province.campaignId);
  console.log(`vote flags detected: ${flags.length} in ${Math.round(performance.now() - flagsStart)} ms`);
  // The first dashboard call starts its own detection and waits for it at most FLAG_WAIT_MS; the timed calls below
  // show its result once it is there (reused for a minute, then refreshed in the background).
  const coldStart = performance.now();
  const check = await getStaffDashboard(whole);
  console.log(`first call: ${Math.round(performance.now() - coldStart)} ms (flags ${check.votes.flagsPending ? 'still computing' : 'shown'}), ${JSON.stringify(check).length} bytes of dashboard data`);
  const result = await time('getStaffDashboard (组织部, whole province)', RUNS, () => getStaffDashboard(whole));
  await time('getStaffDashboard (one city committee)', RUNS, () => getStaffDashboard(city));
  console.log(`dashboard: ${Math.round(result.median)} ms for ${counts.votes} votes`);
  await client.end();
  await disconnectDb();
});
