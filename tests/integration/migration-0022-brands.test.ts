import { describe, expect, it } from 'vitest';
import { databaseMigratedThrough } from '../support/migrated-database';

// Migration 0022_programs_brands gives every submitted declaration a lasting brand: one per organization and declared
// name, across campaigns. Tried on a database of its own, migrated up to 0021 and filled with declarations, then on.

const { sql, migrateRest } = databaseMigratedThrough('mig0022', 21);

describe('migration 0022: lasting brands from the declarations already made', () => {
  it('groups submitted declarations by organization and name, leaves drafts and nameless ones alone, and keeps campaigns 选树评选', async () => {
    await sql(`INSERT INTO organizations (id, path, name, code, level_label, updated_at) VALUES
      ('o1', '/o1/', '示范市委组织部', 'ORG-1', '市委', now()), ('o2', '/o1/o2/', '幸福里支部', 'ORG-2', '支部', now()), ('o3', '/o1/o3/', '城关支部', 'ORG-3', '支部', now())`);
    for (const [campaign, year] of [['c2024', 2024], ['c2025', 2025], ['c2026', 2026]] as const) {
      await sql(`INSERT INTO campaigns (id, title, year, owner_org_id, status, updated_at) VALUES ($1, $2, $3, 'o1', 'PUBLISHED', now())`, [campaign, `评选 ${year}`, year]);
    }
    const declarations: [string, string, string, string, string][] = [
      // id, campaign, organization, status, brand name
      ['a1', 'c2024', 'o2', 'SUBMITTED', '幸福里红管家'],
      ['a2', 'c2025', 'o2', 'SUBMITTED', ' 幸福里红管家 '],
      ['a3', 'c2026', 'o2', 'RETURNED', '红色幸福里'],
      ['a4', 'c2025', 'o3', 'SUBMITTED', '幸福里红管家'],
      ['a5', 'c2026', 'o3', 'DRAFT', '城关先锋'],
      ['a6', 'c2024', 'o3', 'SUBMITTED', '   '],
    ];
    for (const [id, campaign, organization, status, brand] of declarations) {
      await sql(`INSERT INTO applications (id, campaign_id, organization_id, status, brand_name, submitted_at, updated_at, created_at) VALUES ($1, $2, $3, $4, $5, now(), now(), $6)`, [
        id, campaign, organization, status, brand, `${campaign.slice(1)}-03-01T00:00:00Z`,
      ]);
    }

    await migrateRest();

    const { rows: brands } = await sql(`SELECT organization_id AS org, name, created_at AS "createdAt" FROM brands ORDER BY organization_id, name`);
    expect(brands.map(({ org, name }) => ({ org, name }))).toEqual([
      { org: 'o2', name: '幸福里红管家' },
      { org: 'o2', name: '红色幸福里' },
      { org: 'o3', name: '幸福里红管家' },
    ]);
    // A brand is as old as its first declaration.
    expect(new Date(brands[0].createdAt).toISOString()).toBe('2024-03-01T00:00:00.000Z');

    const { rows } = await sql(`SELECT a.id, b.organization_id AS org, b.name FROM applications a LEFT JOIN brands b ON b.id = a.brand_id ORDER BY a.id`);
    expect(rows).toEqual([
      { id: 'a1', org: 'o2', name: '幸福里红管家' },
      { id: 'a2', org: 'o2', name: '幸福里红管家' },
      { id: 'a3', org: 'o2', name: '红色幸福里' },
      { id: 'a4', org: 'o3', name: '幸福里红管家' },
      { id: 'a5', org: null, name: null },
      { id: 'a6', org: null, name: null },
    ]);
    const { rows: same } = await sql(`SELECT count(DISTINCT brand_id)::int AS n FROM applications WHERE id IN ('a1', 'a2')`);
    expect(same).toEqual([{ n: 1 }]);

    const { rows: programs } = await sql(`SELECT DISTINCT program::text, ledger_due_day FROM campaigns`);
    expect(programs).toEqual([{ program: 'SELECTION', ledger_due_day: 25 }]);
    await expect(sql(`UPDATE campaigns SET ledger_due_day = 31 WHERE id = 'c2026'`)).rejects.toMatchObject({ code: '23514' });
  });
});
