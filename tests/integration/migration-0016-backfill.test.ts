import { describe, expect, it } from 'vitest';
import { listMigrations } from '../../scripts/lib/pg.mjs';
import { databaseMigratedThrough } from '../support/migrated-database';

// Migration 0016_deliberation turns the single award of a decision item (decision_items.award_id, proposed_award_id)
// into decision_awards rows, numbers the one 公示 of a campaign as version 1 and binds every objection to it. Tried here
// on a database of its own, migrated up to 0015 and filled with rows of the old shape, then migrated on.

const { sql, migrateRest } = databaseMigratedThrough('mig0016', 15);

type TItem = { app: string; rank: number; award: string | null; proposed: string | null; reason?: string };

/** A decision of the old shape: created unsigned, its items added, then signed (the trigger of 0007 refuses items of a signed one). */
async function oldDecision(id: string, campaign: string, kind: 'PRELIMINARY' | 'FINAL', version: number, items: TItem[], signed: boolean) {
  await sql(`INSERT INTO decisions (id, campaign_id, kind, version, meeting_date, attendees, updated_at) VALUES ($1, $2, $3, $4, '2026-11-20', '领导小组全体成员', now())`, [id, campaign, kind, version]);
  for (const item of items) {
    await sql('INSERT INTO decision_items (decision_id, application_id, rank, score, award_id, proposed_award_id, change_reason) VALUES ($1, $2, $3, 90, $4, $5, $6)', [
      id, item.app, item.rank, item.award, item.proposed, item.reason ?? null,
    ]);
  }
  if (signed) await sql(`UPDATE decisions SET signed_at = now(), signed_by_id = 'u1' WHERE id = $1`, [id]);
}

async function oldWorld() {
  await sql(`INSERT INTO organizations (id, path, name, code, level_label, updated_at) VALUES ('o1', '/o1/', '示范市委组织部', 'ORG-1', '市委', now())`);
  await sql(`INSERT INTO users (id, login_name, display_name, password_hash, updated_at) VALUES ('u1', 'admin0016', '管理员', 'x', now())`);
  for (const campaign of ['cA', 'cB', 'cC']) {
    await sql(`INSERT INTO campaigns (id, title, year, owner_org_id, status, updated_at) VALUES ($1, $2, 2026, 'o1', 'PUBLISHED', now())`, [campaign, `评选 ${campaign}`]);
  }
  for (const [id, campaign, kind, award] of [
    ['awTop', 'cA', 'TOP_TEN', '十大党建品牌'],
    ['awPop', 'cA', 'POPULARITY', '最佳人气党建品牌'],
    ['awExc', 'cA', 'EXCELLENT', '优秀党建品牌'],
    ['bwTop', 'cB', 'TOP_TEN', '十大党建品牌'],
    ['cwTop', 'cC', 'TOP_TEN', '十大党建品牌'],
  ]) {
    await sql('INSERT INTO awards (id, campaign_id, kind, name, count) VALUES ($1, $2, $3, $4, 3)', [id, campaign, kind, award]);
  }
  for (const [app, campaign, slot] of [['a1', 'cA', 1], ['a2', 'cA', 2], ['a3', 'cA', 3], ['a4', 'cA', 4], ['a5', 'cA', 5], ['b1', 'cB', 1], ['c1', 'cC', 1]] as const) {
    await sql(`INSERT INTO applications (id, campaign_id, organization_id, slot, status, brand_name, submitted_at, updated_at) VALUES ($1, $2, 'o1', $3, 'SUBMITTED', $1, now(), now())`, [app, campaign, slot]);
  }

  // 初评 of A: every combination of decided and proposed award.
  await oldDecision('dA-pre', 'cA', 'PRELIMINARY', 1, [
    { app: 'a1', rank: 1, award: 'awTop', proposed: 'awTop' },
    { app: 'a2', rank: 2, award: 'awExc', proposed: 'awTop', reason: '会议评议改为优秀' },
    { app: 'a3', rank: 3, award: null, proposed: 'awExc', reason: '未予表彰' },
    { app: 'a4', rank: 4, award: 'awPop', proposed: null, reason: '网络投票第一' },
    { app: 'a5', rank: 5, award: null, proposed: null },
  ], true);
  await oldDecision('dA-fin1', 'cA', 'FINAL', 1, [
    { app: 'a1', rank: 1, award: 'awTop', proposed: 'awTop' },
    { app: 'a2', rank: 2, award: 'awExc', proposed: 'awExc' },
    { app: 'a4', rank: 3, award: 'awPop', proposed: 'awPop' },
  ], true);
  // A correction still in draft.
  await oldDecision('dA-fin2', 'cA', 'FINAL', 2, [{ app: 'a1', rank: 1, award: 'awTop', proposed: 'awTop' }], false);
  await oldDecision('dB-fin', 'cB', 'FINAL', 1, [{ app: 'b1', rank: 1, award: 'bwTop', proposed: 'bwTop' }], true);
  await oldDecision('dC-fin', 'cC', 'FINAL', 1, [{ app: 'c1', rank: 1, award: 'cwTop', proposed: null, reason: '直接审定' }], true);

  // One 公示 per campaign (the old unique key), C has none; objections of A and B.
  await sql(`INSERT INTO publicities (id, campaign_id, decision_id, starts_at, ends_at, published_by_id) VALUES ('pA', 'cA', 'dA-fin1', now() - interval '3 days', now() + interval '4 days', 'u1')`);
  await sql(`INSERT INTO publicities (id, campaign_id, decision_id, starts_at, ends_at, published_by_id) VALUES ('pB', 'cB', 'dB-fin', now() - interval '9 days', now() - interval '2 days', 'u1')`);
  for (const [id, campaign, app] of [['ob1', 'cA', 'a1'], ['ob2', 'cA', 'a2'], ['ob3', 'cA', 'a1'], ['ob4', 'cB', 'b1']]) {
    await sql(`INSERT INTO objections (id, campaign_id, application_id, tracking_code, name, phone, facts, updated_at) VALUES ($1, $2, $3, $1, '张三', '13800000000', '材料不实', now())`, [id, campaign, app]);
  }
}

const EXPECTED_AWARDS = [
  'dA-fin1 a1 awTop decided proposed',
  'dA-fin1 a2 awExc decided proposed',
  'dA-fin1 a4 awPop decided proposed',
  'dA-fin2 a1 awTop decided proposed',
  'dA-pre a1 awTop decided proposed',
  'dA-pre a2 awExc decided -',
  'dA-pre a2 awTop - proposed',
  'dA-pre a3 awExc - proposed',
  'dA-pre a4 awPop decided -',
  'dB-fin b1 bwTop decided proposed',
  'dC-fin c1 cwTop decided -',
];

async function decisionAwards() {
  const { rows } = await sql('SELECT decision_id, application_id, award_id, is_decided, is_proposed FROM decision_awards ORDER BY 1, 2, 3');
  return rows.map((row) => `${row.decision_id} ${row.application_id} ${row.award_id} ${row.is_decided ? 'decided' : '-'} ${row.is_proposed ? 'proposed' : '-'}`);
}

async function publicitiesAndObjections() {
  const publicities = (await sql('SELECT id, campaign_id, version FROM publicities ORDER BY id')).rows;
  const objections = (await sql('SELECT id, publicity_id FROM objections ORDER BY id')).rows;
  return { publicities, objections };
}

const EXPECTED_PUBLICITIES = {
  publicities: [
    { id: 'pA', campaign_id: 'cA', version: 1 },
    { id: 'pB', campaign_id: 'cB', version: 1 },
  ],
  objections: [
    { id: 'ob1', publicity_id: 'pA' },
    { id: 'ob2', publicity_id: 'pA' },
    { id: 'ob3', publicity_id: 'pA' },
    { id: 'ob4', publicity_id: 'pB' },
  ],
};

describe('migration 0016_deliberation on data of the old shape', () => {
  it('turns every single and proposed award into exactly its decision_awards rows, numbers each 公示 1 and binds each objection to its campaign’s 公示', async () => {
    await oldWorld();
    expect(await migrateRest(16)).toEqual(['0016_deliberation']);

    expect(await decisionAwards()).toEqual(EXPECTED_AWARDS);
    // The items themselves are kept, without the old columns.
    expect((await sql('SELECT decision_id, application_id, rank, change_reason FROM decision_items ORDER BY 1, 2')).rows).toHaveLength(11);
    const columns = (await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'decision_items' ORDER BY 1`)).rows.map((row) => row.column_name);
    expect(columns).not.toContain('award_id');
    expect(columns).not.toContain('proposed_award_id');
    expect(await publicitiesAndObjections()).toEqual(EXPECTED_PUBLICITIES);
  });

  it('keeps the awards of a signed decision unchangeable; a draft’s can change; a second 公示 version fits beside the first', async () => {
    await expect(sql(`DELETE FROM decision_awards WHERE decision_id = 'dA-pre'`)).rejects.toMatchObject({ code: '23514' });
    await expect(sql(`INSERT INTO decision_awards VALUES ('dB-fin', 'b1', 'bwTop', false, true)`)).rejects.toMatchObject({ code: '23514' });
    await expect(sql(`UPDATE decision_awards SET is_proposed = false WHERE decision_id = 'dA-fin1' AND application_id = 'a1'`)).rejects.toMatchObject({ code: '23514' });
    await sql(`INSERT INTO decision_awards VALUES ('dA-fin2', 'a1', 'awPop', true, false)`);
    await sql(`DELETE FROM decision_awards WHERE decision_id = 'dA-fin2' AND award_id = 'awPop'`);
    await sql(`INSERT INTO publicities (id, campaign_id, decision_id, starts_at, ends_at, version) VALUES ('pA2', 'cA', 'dA-fin1', now(), now() + interval '5 days', 2)`);
    await expect(sql(`INSERT INTO publicities (id, campaign_id, decision_id, starts_at, ends_at) VALUES ('pA3', 'cA', 'dA-fin1', now(), now() + interval '5 days')`)).rejects.toMatchObject({ code: '23505' });
    await sql(`DELETE FROM publicities WHERE id = 'pA2'`);
  });

  it('the later migrations run on the backfilled data and leave it as it was', async () => {
    const later = listMigrations().filter((migration) => Number.parseInt(migration, 10) > 16);
    expect(await migrateRest()).toEqual(later);
    expect(await decisionAwards()).toEqual(EXPECTED_AWARDS);
    expect(await publicitiesAndObjections()).toEqual(EXPECTED_PUBLICITIES);
  });
});
