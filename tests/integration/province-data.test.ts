import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { generateProvince, provinceScale } from '@/scripts/lib/province-data.mjs';

// The province generator (bench:dashboard, later seed:province) on a small scale: its rows keep the schema's rules and
// add up to the scale asked for, and it touches nothing outside its own prefix.
describe('province data generator', () => {
  it('builds a consistent province on a small scale, once per prefix, leaving other data alone', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const prefix = `t${Date.now().toString(36).slice(-6)}`;
      const scale = provinceScale(0.02);
      const count = async (sql: string, params: unknown[] = []) => Number((await client.query(sql, params)).rows[0].n);
      const othersBefore = await count(`SELECT count(*) AS n FROM organizations WHERE id NOT LIKE $1`, [`${prefix}-%`]);

      const made = await generateProvince(client, { prefix, scale });
      expect(made).toMatchObject({ existing: false, rootOrgId: `${prefix}-root`, campaignId: `${prefix}-cmp` });
      const root = `/${prefix}-root/%`;
      const campaign = made.campaignId;

      expect(await count(`SELECT count(*) AS n FROM organizations WHERE path LIKE $1`, [root])).toBe(1 + scale.cities * (1 + scale.countiesPerCity) + scale.branches);
      // Paths and depths follow the parents.
      expect(await count(`SELECT count(*) AS n FROM organizations o JOIN organizations p ON p.id = o.parent_id WHERE o.path LIKE $1 AND (o.path <> p.path || o.id || '/' OR o.depth <> p.depth + 1)`, [root])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM brand_list_entries e JOIN brand_lists l ON l.id = e.list_id WHERE l.campaign_id = $1`, [campaign])).toBe(scale.entries);
      expect(await count(`SELECT count(*) AS n FROM votes WHERE campaign_id = $1`, [campaign])).toBe(scale.votes);
      expect(await count(`SELECT count(*) AS n FROM voters WHERE campaign_id = $1`, [campaign])).toBe(scale.memberVoters + scale.publicVoters);
      // Votes only for listed entries, inside the voting stage.
      expect(
        await count(
          `SELECT count(*) AS n FROM votes v JOIN campaign_stages s ON s.campaign_id = v.campaign_id AND s.kind = 'VOTING'
           WHERE v.campaign_id = $1 AND (v.created_at < s.starts_at OR v.created_at >= s.ends_at
             OR NOT EXISTS (SELECT 1 FROM brand_list_entries e WHERE e.application_id = v.application_id))`,
          [campaign],
        ),
      ).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM ledger_entries e JOIN cultivations c ON c.id = e.cultivation_id WHERE c.campaign_id = $1`, [campaign])).toBe(scale.ledgerEntries);
      // Each report counts its month's entries; recognitions follow passed acceptance.
      expect(
        await count(
          `SELECT count(*) AS n FROM ledger_reports r JOIN cultivations c ON c.id = r.cultivation_id
           WHERE c.campaign_id = $1 AND r.entry_count <> (SELECT count(*) FROM ledger_entries e WHERE e.cultivation_id = r.cultivation_id AND e.month = r.month)`,
          [campaign],
        ),
      ).toBe(0);
      const passed = await count(`SELECT count(*) AS n FROM acceptance_requests r JOIN cultivations c ON c.id = r.cultivation_id WHERE c.campaign_id = $1 AND r.status = 'PASSED'`, [campaign]);
      expect(passed).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) AS n FROM cultivations WHERE campaign_id = $1 AND status = 'RECOGNISED'`, [campaign])).toBe(passed);
      expect(await count(`SELECT count(*) AS n FROM honors WHERE campaign_id = $1`, [campaign])).toBe(scale.decided - 2);
      expect(await count(`SELECT count(*) AS n FROM review_assignments WHERE campaign_id = $1`, [campaign])).toBe(scale.entries * scale.expertsPerEntry);
      expect(await count(`SELECT count(*) AS n FROM objections WHERE campaign_id = $1`, [campaign])).toBe(scale.objections);
      expect(await count(`SELECT count(*) AS n FROM demo_sites WHERE program_id = $1`, [made.programId])).toBe(scale.sites);

      expect(await generateProvince(client, { prefix, scale })).toMatchObject({ existing: true });
      expect(await count(`SELECT count(*) AS n FROM organizations WHERE id NOT LIKE $1`, [`${prefix}-%`])).toBe(othersBefore);
    } finally {
      await client.end();
    }
  });
});
