import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { invalidateVotes, restoreVotes } from '@/lib/voting/invalidation';
import { loadVoteResults } from '@/lib/voting/results';
import { castVote, memberVoter } from '@/lib/voting/service';
import { createVotingScope, insertVotes } from '../support/voting';

type TCounts = Record<string, { valid: number; invalid: number }>;

/** Rows of (key, valid, invalid) as a map, zero rows left out (a tally row can fall back to zero). */
const asMap = (rows: { key: string; valid: bigint | number; invalid: bigint | number }[]): TCounts =>
  Object.fromEntries(rows.filter((row) => Number(row.valid) !== 0 || Number(row.invalid) !== 0).map((row) => [row.key, { valid: Number(row.valid), invalid: Number(row.invalid) }]));

/** The tallies (migration 0032) and the same counts taken from every vote, side by side. */
async function talliesAndCounts(campaignId: string) {
  const [entryTallies, entryCounts, dayTallies, dayCounts, kindTallies, kindCounts, voterDrift] = await Promise.all([
    db.$queryRaw<{ key: string; valid: bigint; invalid: bigint }[]>`
      SELECT application_id AS key, SUM(valid_votes) AS valid, SUM(invalid_votes) AS invalid FROM vote_entry_tallies WHERE campaign_id = ${campaignId} GROUP BY 1`,
    db.$queryRaw<{ key: string; valid: bigint; invalid: bigint }[]>`
      SELECT application_id AS key, COUNT(*) FILTER (WHERE invalidated_at IS NULL) AS valid, COUNT(*) FILTER (WHERE invalidated_at IS NOT NULL) AS invalid
      FROM votes WHERE campaign_id = ${campaignId} GROUP BY 1`,
    db.$queryRaw<{ key: string; valid: bigint; invalid: bigint }[]>`
      SELECT vote_day::text AS key, SUM(valid_votes) AS valid, SUM(invalid_votes) AS invalid FROM vote_day_tallies WHERE campaign_id = ${campaignId} GROUP BY 1`,
    db.$queryRaw<{ key: string; valid: bigint; invalid: bigint }[]>`
      SELECT vote_day::text AS key, COUNT(*) FILTER (WHERE invalidated_at IS NULL) AS valid, COUNT(*) FILTER (WHERE invalidated_at IS NOT NULL) AS invalid
      FROM votes WHERE campaign_id = ${campaignId} GROUP BY 1`,
    // For kinds, "invalid" holds the voters with at least one valid vote.
    db.$queryRaw<{ key: string; valid: bigint; invalid: bigint }[]>`
      SELECT kind::text AS key, SUM(valid_votes) AS valid, SUM(voters) AS invalid FROM vote_kind_tallies WHERE campaign_id = ${campaignId} GROUP BY 1`,
    db.$queryRaw<{ key: string; valid: bigint; invalid: bigint }[]>`
      SELECT r.kind::text AS key, COUNT(*) AS valid, COUNT(DISTINCT v.voter_id) AS invalid
      FROM votes v JOIN voters r ON r.id = v.voter_id WHERE v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL GROUP BY 1`,
    db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM voters r LEFT JOIN (SELECT voter_id, COUNT(*) AS valid FROM votes WHERE invalidated_at IS NULL GROUP BY voter_id) v ON v.voter_id = r.id
      WHERE r.campaign_id = ${campaignId} AND r.valid_votes <> COALESCE(v.valid, 0)`,
  ]);
  return {
    tallies: { entries: asMap(entryTallies), days: asMap(dayTallies), kinds: asMap(kindTallies) },
    counts: { entries: asMap(entryCounts), days: asMap(dayCounts), kinds: asMap(kindCounts) },
    voterDrift,
  };
}

async function expectExactTallies(campaignId: string) {
  const { tallies, counts, voterDrift } = await talliesAndCounts(campaignId);
  expect(tallies).toEqual(counts);
  expect(voterDrift).toEqual([]);
  return counts;
}

describe('vote tallies', () => {
  it('stay equal to COUNT(*) over the votes under parallel votes, 作废 and 恢复', async () => {
    const scope = await createVotingScope({ entries: 4, members: 24, perDay: 4, perEntry: 1 });
    const campaignId = scope.campaign.id;
    await db.campaign.update({ where: { id: campaignId }, data: { publicVotingEnabled: true } });
    const members = await Promise.all(scope.members.map((member) => memberVoter(campaignId, member.id)));
    const publics = await Promise.all(
      Array.from({ length: 24 }, (_, index) => db.voter.create({ data: { campaignId, kind: 'PUBLIC', phone: `139${String(Date.now() % 1e4).padStart(4, '0')}${String(index).padStart(4, '0')}` } })),
    );
    const voterIds = [...members.map((id) => id!), ...publics.map((voter) => voter.id)];

    // Every voter tries every entry once (192 requests at once; own-branch members are refused entry 0), while staff
    // strike off and restore votes already cast.
    const votes = Promise.allSettled(
      voterIds.flatMap((voterId) => scope.entries.map((entry) => castVote({ campaignId, applicationId: entry.id, idempotencyKey: randomUUID() }, { voterId }))),
    );
    const staff = { actorId: scope.cityAdmin.id };
    const reviewing = (async () => {
      for (let round = 0; round < 6; round++) {
        const valid = await db.vote.findMany({ where: { campaignId, invalidatedAt: null }, select: { id: true }, orderBy: { id: 'desc' }, take: 5 });
        if (valid.length) await invalidateVotes({ campaignId, voteIds: valid.map((vote) => String(vote.id)), reason: '同一设备短时集中投票' }, staff);
        const struck = await db.vote.findFirst({ where: { campaignId, invalidatedAt: { not: null } }, select: { id: true } });
        if (struck) await restoreVotes({ campaignId, voteIds: [String(struck.id)], reason: '复核后确认为正常投票' }, staff);
      }
    })();
    const [outcomes] = await Promise.all([votes, reviewing]);
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    expect(accepted).toBe(24 * 4 + 12 * 4 + 12 * 3);

    const counts = await expectExactTallies(campaignId);
    const invalid = await db.vote.count({ where: { campaignId, invalidatedAt: { not: null } } });
    expect(invalid).toBeGreaterThan(0);
    expect(Object.values(counts.entries).reduce((sum, row) => sum + row.valid, 0)).toBe(accepted - invalid);
    expect(counts.kinds.PUBLIC.valid + counts.kinds.MEMBER.valid).toBe(accepted - invalid);

    // Writers outside cast_vote count too: a vote written directly, a bulk 作废 of one entry, a deleted vote.
    await insertVotes(campaignId, scope.entries[1].id, 3, { voterIds: [publics[0].id] });
    await db.vote.updateMany({ where: { campaignId, applicationId: scope.entries[2].id }, data: { invalidatedAt: new Date(), invalidReason: '整体作废' } });
    await db.vote.delete({ where: { id: (await db.vote.findFirstOrThrow({ where: { campaignId, applicationId: scope.entries[3].id }, select: { id: true } })).id } });
    const after = await expectExactTallies(campaignId);
    expect(after.entries[scope.entries[2].id].valid).toBe(0);

    // The results page reads the tallies: its totals are the votes' counts.
    const results = await loadVoteResults({ id: campaignId, voteWeight: 20, stages: [] });
    expect(results.totals.validVotes).toBe(Object.values(after.entries).reduce((sum, row) => sum + row.valid, 0));
    expect(results.totals.invalidVotes).toBe(Object.values(after.entries).reduce((sum, row) => sum + row.invalid, 0));
    expect(results.totals.public.voters).toBe(after.kinds.PUBLIC.invalid);
  });

  it('a voter whose only valid votes are struck off stops counting as a voter, and counts again when one is restored', async () => {
    const scope = await createVotingScope({ entries: 2, members: 2 });
    const campaignId = scope.campaign.id;
    const voterId = (await memberVoter(campaignId, scope.members[0].id))!;
    await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: randomUUID() }, { voterId });
    await castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: randomUUID() }, { voterId });
    const ids = (await db.vote.findMany({ where: { voterId }, select: { id: true } })).map((vote) => String(vote.id));
    const staff = { actorId: scope.cityAdmin.id };

    expect((await expectExactTallies(campaignId)).kinds).toEqual({ MEMBER: { valid: 2, invalid: 1 } });
    await invalidateVotes({ campaignId, voteIds: ids, reason: '同一设备短时集中投票' }, staff);
    expect((await expectExactTallies(campaignId)).kinds).toEqual({});
    expect((await loadVoteResults({ id: campaignId, voteWeight: 20, stages: [] })).totals.member).toEqual({ votes: 0, voters: 0 });
    await restoreVotes({ campaignId, voteIds: ids.slice(0, 1), reason: '复核后确认为正常投票' }, staff);
    expect((await expectExactTallies(campaignId)).kinds).toEqual({ MEMBER: { valid: 1, invalid: 1 } });
  });
});
