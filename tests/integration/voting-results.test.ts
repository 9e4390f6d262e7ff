import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { GET as exportVotes } from '@/app/api/votes/export/route';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { loadGrants } from '@/lib/application/access';
import { loadReviewCampaign } from '@/lib/review/pool';
import { loadRanking } from '@/lib/review/results';
import { loadVoteResults } from '@/lib/voting/results';
import { castVote, memberVoter } from '@/lib/voting/service';
import { createUser } from '../support/factories';
import { openSession } from '../support/users';
import { createVotingScope, insertVotes } from '../support/voting';

// The route handler reads the session cookie through next/headers; here the jar holds a real signed session token.
const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
}));

async function signInAs(userId: string | null) {
  jar.token = userId ? await encode({ token: { sid: await openSession(userId) }, secret: authSecret() }) : null;
}

/** Votes as cast, then `count` of them on the entry struck off by staff. */
async function invalidate(applicationId: string, count: number) {
  await db.$executeRaw`
    UPDATE votes SET invalidated_at = now(), invalid_reason = '同一设备短时间内集中投票'
    WHERE id IN (SELECT id FROM votes WHERE application_id = ${applicationId} AND invalidated_at IS NULL ORDER BY id LIMIT ${count})`;
}

/**
 * Four listed entries, the last two moved to a second field. Valid votes 5 / 3 / 3 / 0, with 2 + 1 more struck off
 * (on entries 0 and 3); one of entry 1's votes comes from a member through the real vote path. Entry 2's votes came a
 * day earlier than the rest.
 */
async function votedCampaign() {
  const scope = await createVotingScope({ entries: 4, members: 1 });
  const campaignId = scope.campaign.id;
  const [e0, e1, e2, e3] = scope.entries.map((entry) => entry.id);
  const second = await db.campaignField.findFirstOrThrow({ where: { campaignId }, orderBy: { sortOrder: 'desc' }, select: { name: true } });
  const first = await db.brandListEntry.findFirstOrThrow({ where: { applicationId: e0 }, select: { fieldName: true } });
  // A list is stored field by field: entries 0 and 1 in the first field, 2 and 3 in the second.
  for (const [index, applicationId] of [e0, e1, e2, e3].entries()) {
    await db.brandListEntry.updateMany({ where: { applicationId }, data: { sortOrder: index + 1, ...(index >= 2 && { fieldName: second.name }) } });
  }
  await insertVotes(campaignId, e0, 7);
  await insertVotes(campaignId, e1, 2);
  await insertVotes(campaignId, e2, 3);
  await insertVotes(campaignId, e3, 1);
  const voterId = (await memberVoter(campaignId, scope.members[0].id))!;
  await castVote({ campaignId, applicationId: e1, idempotencyKey: randomUUID() }, { voterId });
  await invalidate(e0, 2);
  await invalidate(e3, 1);
  // insertVotes writes the UTC date; cast_vote the Shanghai one. Every vote on its Shanghai day, entry 2's the day before.
  await db.$executeRaw`UPDATE votes SET vote_day = (created_at AT TIME ZONE 'Asia/Shanghai')::date - CASE WHEN application_id = ${e2} THEN 1 ELSE 0 END WHERE campaign_id = ${campaignId}`;
  const names = await db.brandListEntry.findMany({ where: { applicationId: { in: [e0, e1, e2, e3] } }, select: { applicationId: true, brandName: true } });
  const brand = (id: string) => names.find((row) => row.applicationId === id)!.brandName;
  const campaign = await loadReviewCampaign(db, campaignId, await loadGrants(db, scope.cityAdmin.id));
  return { scope, campaign, ids: { e0, e1, e2, e3 }, brand, fields: { first: first.fieldName, second: second.name } };
}

const cellText = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map((value) => String(value ?? ''));

describe('网络投票 results', () => {
  it('count valid votes only: per entry with shared places, per field summing to the total, voters by kind, the vote points of the ranking', async () => {
    const { campaign, ids, brand, fields } = await votedCampaign();
    const results = await loadVoteResults(campaign);

    expect(results.rows.map((row) => [row.applicationId, row.validVotes, row.invalidVotes, row.rank, row.isTied])).toEqual([
      [ids.e0, 5, 2, 1, false],
      [ids.e1, 3, 0, 2, true],
      [ids.e2, 3, 0, 2, true],
      [ids.e3, 0, 1, 4, false],
    ]);
    expect(results.rows.map((row) => row.share.toFixed(2))).toEqual(['45.45', '27.27', '27.27', '0.00']);
    expect(results.rows.map((row) => [row.fieldRank, row.isFieldTied])).toEqual([[1, false], [2, false], [1, false], [2, false]]);
    expect(results.totals).toMatchObject({ validVotes: 11, invalidVotes: 3, unlistedValidVotes: 0, entries: 4, days: 2, member: { voters: 1, votes: 1 }, public: { voters: 10, votes: 10 } });
    expect(results.days.map((day) => [day.validVotes, day.invalidVotes])).toEqual([[3, 0], [8, 3]]);
    const [yesterday, today] = results.days.map((day) => new Date(`${day.day}T00:00:00Z`).getTime());
    expect(today - yesterday).toBe(86_400_000);
    expect(results.days[1].day).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));

    expect(results.fields).toEqual([
      { fieldName: fields.first, entries: 2, validVotes: 8, invalidVotes: 2, share: (8 / 11) * 100, leaders: [brand(ids.e0)], leaderVotes: 5 },
      { fieldName: fields.second, entries: 2, validVotes: 3, invalidVotes: 1, share: (3 / 11) * 100, leaders: [brand(ids.e2)], leaderVotes: 3 },
    ]);
    expect(results.fields.reduce((sum, field) => sum + field.validVotes, 0)).toBe(results.totals.validVotes);

    // The combined ranking counts the same votes and gives the same vote points.
    const ranking = await loadRanking(campaign);
    for (const row of results.rows) {
      const ranked = ranking.rows.find((candidate) => candidate.applicationId === row.applicationId)!;
      expect([ranked.votes, ranked.votePoints]).toEqual([row.validVotes, row.votePoints]);
    }
    expect(results.rows.map((row) => row.votePoints)).toEqual([30, 18, 18, 0]);
  });

  it('shows the 最佳人气 candidates up to the award count, with a tie at the last place kept whole', async () => {
    const { campaign, ids } = await votedCampaign();
    const candidates = async (count: number) => {
      await db.award.updateMany({ where: { campaignId: campaign.id, kind: 'POPULARITY' }, data: { count } });
      return (await loadVoteResults(campaign)).popularity.candidates!;
    };

    expect((await candidates(1)).rows.map((row) => row.applicationId)).toEqual([ids.e0]);
    const tied = await candidates(2);
    expect(tied).toMatchObject({ count: 2, cutoffVotes: 3, isTiedAtCutoff: true });
    expect(tied.rows.map((row) => [row.applicationId, row.isTiedAtCutoff])).toEqual([[ids.e0, false], [ids.e1, true], [ids.e2, true]]);
    expect(await candidates(3)).toMatchObject({ isTiedAtCutoff: false, rows: [{ applicationId: ids.e0 }, { applicationId: ids.e1 }, { applicationId: ids.e2 }] });
    // An entry without valid votes is no candidate, however many places there are.
    expect((await candidates(4)).rows.map((row) => row.applicationId)).toEqual([ids.e0, ids.e1, ids.e2]);

    await db.award.deleteMany({ where: { campaignId: campaign.id, kind: 'POPULARITY' } });
    expect((await loadVoteResults(campaign)).popularity).toEqual({ awards: [], candidates: null });
  });

  it('keeps the votes of an entry a later list version dropped in the totals, unranked and never a candidate', async () => {
    const { campaign, ids } = await votedCampaign();
    const latest = await db.brandList.findFirstOrThrow({ where: { campaignId: campaign.id }, orderBy: { version: 'desc' }, select: { id: true } });
    await db.brandListEntry.deleteMany({ where: { listId: latest.id, applicationId: ids.e0 } });
    const results = await loadVoteResults(campaign);
    expect(results.rows.map((row) => [row.applicationId, row.rank, row.isListed])).toEqual([
      [ids.e1, 1, true],
      [ids.e2, 1, true],
      [ids.e3, 3, true],
      [ids.e0, null, false],
    ]);
    expect(results.totals).toMatchObject({ validVotes: 11, unlistedValidVotes: 5, entries: 3 });
    expect(results.popularity.candidates!.rows.map((row) => row.applicationId)).toEqual([ids.e1, ids.e2]);
  });
});

describe('网络投票 export', () => {
  const request = (campaignId: string) => new Request(`http://localhost/api/votes/export?campaignId=${campaignId}`);

  it('gives the organizer’s staff a workbook by entry, by field and of the 最佳人气 candidates, named after the campaign', async () => {
    const { scope, campaign, ids, brand, fields } = await votedCampaign();
    await db.award.updateMany({ where: { campaignId: campaign.id, kind: 'POPULARITY' }, data: { count: 2 } });
    await signInAs(scope.cityAdmin.id);
    const response = await exportVotes(request(campaign.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${campaign.title}-网络投票结果.xlsx`)}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['按品牌', '按领域', '最佳人气候选']);

    const byEntry = workbook.getWorksheet('按品牌')!;
    expect(byEntry.getCell('A1').value).toBe(`${campaign.title} 网络投票结果（按品牌）`);
    expect(byEntry.getCell('A2').value).toBe('有效票 11 票（已作废 3 票不计入）；参与投票：党员 1 人、公众 10 人；投票 2 天');
    expect(cellText(byEntry.getRow(3))).toEqual(['名次', '品牌名称', '申报单位', '领域', '所属地区', '领域内名次', '有效票', '作废票', '得票占比', '投票得分（满分 30）', '备注']);
    expect([4, 5, 6, 7].map((number) => cellText(byEntry.getRow(number))).map((row) => [row[0], row[1], row[3], row[6], row[7], row[8], row[9]])).toEqual([
      ['1', brand(ids.e0), fields.first, '5', '2', '45.45%', '30.00'],
      ['并列第2名', brand(ids.e1), fields.first, '3', '0', '27.27%', '18.00'],
      ['并列第2名', brand(ids.e2), fields.second, '3', '0', '27.27%', '18.00'],
      ['4', brand(ids.e3), fields.second, '0', '1', '0.00%', '0.00'],
    ]);

    const byField = workbook.getWorksheet('按领域')!;
    expect(cellText(byField.getRow(3))).toEqual(['序号', '领域', '品牌数', '有效票', '作废票', '得票占比', '最高票品牌']);
    expect(cellText(byField.getRow(4))).toEqual(['1', fields.first, '2', '8', '2', '72.73%', `${brand(ids.e0)}（5 票）`]);
    expect(cellText(byField.getRow(5))).toEqual(['2', fields.second, '2', '3', '1', '27.27%', `${brand(ids.e2)}（3 票）`]);

    const popular = workbook.getWorksheet('最佳人气候选')!;
    expect(popular.getCell('A2').value).toBe('最佳人气党建品牌：共 2 名，按有效票数从高到低；第 2 名有 2 个品牌票数相同（3 票），均列为候选，候选 3 个');
    expect([4, 5, 6].map((number) => cellText(popular.getRow(number))).map((row) => [row[1], row[4], row[5]])).toEqual([
      [brand(ids.e0), '5', ''],
      [brand(ids.e1), '3', '票数与第 2 名相同，均列为候选，由会议决定'],
      [brand(ids.e2), '3', '票数与第 2 名相同，均列为候选，由会议决定'],
    ]);
  });

  it('names a tie at the top 并列第1名, never 末位并列', async () => {
    const { scope, campaign, ids, brand } = await votedCampaign();
    // Entry 0 down to 3 valid votes: three entries share the first place, and the one 最佳人气 place.
    await invalidate(ids.e0, 2);
    await db.award.updateMany({ where: { campaignId: campaign.id, kind: 'POPULARITY' }, data: { count: 1 } });
    await signInAs(scope.cityAdmin.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await exportVotes(request(campaign.id))).arrayBuffer()) as ExcelJS.Buffer);

    const byEntry = workbook.getWorksheet('按品牌')!;
    expect([4, 5, 6, 7].map((number) => cellText(byEntry.getRow(number)).slice(0, 2))).toEqual([
      ['并列第1名', brand(ids.e0)],
      ['并列第1名', brand(ids.e1)],
      ['并列第1名', brand(ids.e2)],
      ['4', brand(ids.e3)],
    ]);
    const popular = workbook.getWorksheet('最佳人气候选')!;
    expect(popular.getCell('A2').value).toBe('最佳人气党建品牌：共 1 名，按有效票数从高到低；第 1 名有 3 个品牌票数相同（3 票），均列为候选，候选 3 个');
    expect([4, 5, 6].map((number) => cellText(popular.getRow(number))).map((row) => [row[0], row[5]])).toEqual([
      ['并列第1名', '票数与第 1 名相同，均列为候选，由会议决定'],
      ['并列第1名', '票数与第 1 名相同，均列为候选，由会议决定'],
      ['并列第1名', '票数与第 1 名相同，均列为候选，由会议决定'],
    ]);
    const everyCell = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join('\n');
    expect(everyCell).not.toContain('末位');
  });

  it('refuses staff of another subtree and a committee admin alike (404), and anyone signed out (401)', async () => {
    const { scope, campaign } = await votedCampaign();
    const westOrgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }] });
    for (const userId of [westOrgAdmin.id, scope.committeeAdmin.id]) {
      await signInAs(userId);
      const response = await exportVotes(request(campaign.id));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('评选活动不存在或您无权查看');
    }
    await signInAs(scope.cityAdmin.id);
    expect((await exportVotes(request('no-such-campaign'))).status).toBe(404);
    expect((await exportVotes(new Request('http://localhost/api/votes/export'))).status).toBe(400);
    await signInAs(null);
    expect((await exportVotes(request(campaign.id))).status).toBe(401);
  });
});
