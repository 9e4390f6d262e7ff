// The province-scale data set for the benchmarks that call server code directly (bench/dashboard.ts, bench/province.ts):
// the generator of scripts/lib/province-data.mjs (also behind `npm run seed:province`) on a throw-away database.
import { createRequire } from 'node:module';
import type pg from 'pg';
import { generateProvince, provinceScale } from '../../scripts/lib/province-data.mjs';

/** lib code is server-only (it throws outside Next's server build); the benchmarks call it directly, as tests do. */
export function allowServerOnlyImports(): void {
  const require = createRequire(import.meta.url);
  const serverOnly = require.resolve('server-only');
  require.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} } as NodeJS.Module;
}

/** Generates the set (PROVINCE_SCALE=0.1 for a tenth), analyses it and prints its size and how long it took. */
export async function setUpProvince(client: pg.Client) {
  const started = Date.now();
  const scale = provinceScale(Number(process.env.PROVINCE_SCALE ?? 1));
  console.log('\nset-up (scripts/lib/province-data.mjs):');
  const province = await generateProvince(client, { scale, log: (line) => console.log(line) });
  await client.query('VACUUM ANALYZE');
  const { rows } = await client.query(`
    SELECT (SELECT count(*) FROM organizations) AS orgs, (SELECT count(*) FROM brand_list_entries) AS entries, (SELECT count(*) FROM users) AS users,
      (SELECT count(*) FROM voters) AS voters, (SELECT count(*) FROM votes) AS votes, (SELECT count(*) FROM ledger_entries) AS ledger`);
  const counts = rows[0] as Record<'orgs' | 'entries' | 'users' | 'voters' | 'votes' | 'ledger', string>;
  console.log(
    `set-up: ${counts.orgs} organizations, ${counts.entries} entries, ${counts.users} users, ${counts.voters} voters, ${counts.votes} votes, ` +
      `${counts.ledger} 台帐 entries in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return { province, counts, scale };
}
