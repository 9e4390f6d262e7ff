// The rules cast_vote enforces besides the voter's own limits (issue 18): the campaign's state (the state machine's
// 'cast-vote' row), the own-unit rule both ways up the tree, the member's current MEMBER role, the per-IP and
// per-device limits (exact under parallel requests), returned entries, and the idempotency key as "the same vote".
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as postVote } from '@/app/api/campaigns/[id]/votes/route';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { CampaignStatus } from '@/lib/generated/prisma/enums';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { VOTE_CAST_LIMITS, castVote, memberVoter } from '@/lib/voting/service';
import { signVoterToken, voterCookieName } from '@/lib/voting/voter-token';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { closeVoting, createVotingScope } from '../support/voting';

const key = () => randomUUID();
let phones = 0;

/** `count` verified public voters of the campaign (public voting switched on). */
async function publicVoters(campaignId: string, count: number): Promise<string[]> {
  await db.campaign.update({ where: { id: campaignId }, data: { publicVotingEnabled: true } });
  const prefix = `v${randomBytes(6).toString('hex')}`;
  const base = 15_000_000_000 + (Date.now() % 1_000_000) * 1000 + (phones += count);
  await db.voter.createMany({ data: Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, campaignId, kind: 'PUBLIC' as const, phone: String(base + index) })) });
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

/** Accepted votes and the refusals' messages of settled cast attempts. */
function tally(outcomes: PromiseSettledResult<unknown>[]) {
  const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as AppError] : []));
  for (const reason of refusals) if (!(reason instanceof AppError)) throw reason;
  return { accepted: outcomes.length - refusals.length, messages: [...new Set(refusals.map((reason) => `${reason.code} ${reason.message}`))] };
}

describe('cast_vote and the campaign state machine', () => {
  it('accepts a vote exactly when OPERATIONS["cast-vote"] allows it, and refuses with its message otherwise', async () => {
    const scope = await createVotingScope({ entries: 1, members: 0 });
    const campaignId = scope.campaign.id;
    const voters = await publicVoters(campaignId, 16);
    const windows = {
      open: `starts_at = now() - interval '1 second', ends_at = now() + interval '1 day', is_enabled = true`,
      upcoming: `starts_at = now() + interval '1 hour', ends_at = now() + interval '1 day', is_enabled = true`,
      closed: `starts_at = now() - interval '2 days', ends_at = now() - interval '1 millisecond', is_enabled = true`,
      disabled: `starts_at = now() - interval '1 second', ends_at = now() + interval '1 day', is_enabled = false`,
    };
    const statuses: CampaignStatus[] = ['DRAFT', 'PUBLISHED', 'FINISHED', 'CANCELLED'];
    let index = 0;
    let accepted = 0;
    for (const status of statuses) {
      for (const [name, window] of Object.entries(windows)) {
        await db.campaign.update({ where: { id: campaignId }, data: { status } });
        await db.$executeRawUnsafe(`UPDATE campaign_stages SET ${window} WHERE campaign_id = $1 AND kind = 'VOTING'`, campaignId);
        const expected = operationRefusal('cast-vote', await db.$transaction((tx) => loadLifecycle(tx, campaignId)));
        const attempt = castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId: voters[index++]! });
        if (expected) {
          expect(await rejection(attempt), `${status} / ${name}`).toMatchObject({ code: expected.code, message: expected.message });
        } else {
          await expect(attempt, `${status} / ${name}`).resolves.toMatchObject({ repeated: false });
          accepted++;
        }
      }
    }
    // Only a published campaign with the vote running takes votes; a finished one refuses although its dates run on.
    expect(accepted).toBe(1);
    expect(await db.vote.count({ where: { campaignId } })).toBe(1);
    await db.campaign.update({ where: { id: campaignId }, data: { status: 'FINISHED' } });
    await db.$executeRawUnsafe(`UPDATE campaign_stages SET ${windows.open} WHERE campaign_id = $1 AND kind = 'VOTING'`, campaignId);
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId: voters[15]! }))).toMatchObject({
      code: 'STAGE_LOCKED',
      message: '活动已结束，不能投票',
    });
  });
});

describe('the own-unit rule', () => {
  it('refuses the voter’s own unit, the units above it below the organizer, and the units below it', async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    const branch = await db.organization.findUniqueOrThrow({ where: { id: scope.entries[0].branchId } });
    const group = await createOrg({ parent: branch, levelLabel: '党小组' });
    const units = {
      group: group.id, // 党小组 of the entry's 支部: the entry's org is an ancestor of the voter's
      branch: branch.id, // the entry's own 支部
      committee: scope.committee.id, // above the entry
      district: scope.district.id,
      city: scope.city.id, // the organizer itself: every entry lies below it
      siblingBranch: scope.entries[1].branchId, // another 支部 under the same 党工委
      westBranch: scope.westBranch.id,
    };
    const outcomes: Record<string, string> = {};
    for (const [name, organizationId] of Object.entries(units)) {
      const member = await createUser({ roles: [{ role: 'MEMBER', organizationId }] });
      const voterId = (await memberVoter(campaignId, member.id))!;
      outcomes[name] = await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId }).then(
        () => 'accepted',
        (error: AppError) => error.message,
      );
    }
    const own = '本活动不允许为本单位的品牌投票';
    expect(outcomes).toEqual({ group: own, branch: own, committee: own, district: own, city: own, siblingBranch: 'accepted', westBranch: 'accepted' });

    // The campaign may allow it: then the 党小组 member votes for their 支部.
    await db.campaign.update({ where: { id: campaignId }, data: { allowVoteForOwnOrg: true } });
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: group.id }] });
    await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId: (await memberVoter(campaignId, member.id))! });
  });
});

describe('a member’s current role', () => {
  it('refuses a member whose MEMBER role was removed or whose account was disabled, and judges the own unit by the current role', async () => {
    const scope = await createVotingScope({ entries: 3, members: 1, perDay: 5 });
    const campaignId = scope.campaign.id;
    const member = scope.members[0]; // a member of the west branch
    const voterId = (await memberVoter(campaignId, member.id))!;
    await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId });

    await db.roleAssignment.deleteMany({ where: { userId: member.id, role: 'MEMBER' } });
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: key() }, { voterId }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '您已不是本次活动范围内的党员，不能投票',
    });

    // Moved into the first entry's 支部: a member again, but that entry is now their own unit.
    await db.roleAssignment.create({ data: { userId: member.id, role: 'MEMBER', organizationId: scope.entries[0].branchId } });
    expect((await rejection(castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId }))).message).toBe('本活动不允许为本单位的品牌投票');
    await castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: key() }, { voterId });

    await db.user.update({ where: { id: member.id }, data: { isDisabled: true } });
    expect((await rejection(castVote({ campaignId, applicationId: scope.entries[2].id, idempotencyKey: key() }, { voterId }))).message).toBe('您已不是本次活动范围内的党员，不能投票');
    expect(await db.vote.count({ where: { voterId } })).toBe(2);
  });
});

describe('per-IP and per-device limits', () => {
  it(`parallel votes of many voters from one IP stop at exactly ${VOTE_CAST_LIMITS.ipPerHour} an hour; refusals do not extend the window`, async () => {
    const limit = VOTE_CAST_LIMITS.ipPerHour;
    const scope = await createVotingScope({ entries: 1, members: 0 });
    const campaignId = scope.campaign.id;
    const voters = await publicVoters(campaignId, limit + 40);
    const ip = '203.0.113.77';
    const cast = (voterId: string, from = ip) =>
      castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId, ip: from, deviceId: `d${voterId}` });
    const outcomes = tally(await Promise.allSettled(voters.slice(0, limit + 30).map((voterId) => cast(voterId))));
    expect(outcomes).toEqual({ accepted: limit, messages: ['VOTE_LIMIT 当前网络投票过于频繁，请稍后再试'] });
    expect(await db.vote.count({ where: { campaignId, ip } })).toBe(limit);
    // Another address is not held back by this one.
    await cast(voters[limit + 30]!, '203.0.113.78');
    // An hour after the votes (not after the refusals) the address may vote again.
    await db.$executeRaw`UPDATE votes SET created_at = created_at - interval '61 minutes' WHERE campaign_id = ${campaignId} AND ip = ${ip}`;
    await cast(voters[limit + 31]!);
  });

  it('parallel votes of many voters from one device stop at the campaign’s votes per voter per day', async () => {
    const scope = await createVotingScope({ entries: 1, members: 0, perDay: 3 });
    const campaignId = scope.campaign.id;
    const voters = await publicVoters(campaignId, 25);
    const cast = (voterId: string, index: number, deviceId = 'shared0device0000001') =>
      castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId, ip: `198.51.100.${index + 1}`, deviceId });
    const outcomes = tally(await Promise.allSettled(voters.slice(0, 24).map((voterId, index) => cast(voterId, index))));
    expect(outcomes).toEqual({ accepted: 3, messages: ['VOTE_LIMIT 这台设备今天的投票次数已达上限，请明天再来'] });
    await cast(voters[24]!, 24, 'another0device000001');
    expect(await db.vote.count({ where: { campaignId } })).toBe(4);
  });
});

describe('returned entries', () => {
  it('refuses votes for an entry returned after the list was published', async () => {
    const scope = await createVotingScope({ entries: 2, members: 2 });
    const campaignId = scope.campaign.id;
    const voterId = (await memberVoter(campaignId, scope.members[0].id))!;
    await db.application.update({ where: { id: scope.entries[1].id }, data: { status: 'RETURNED' } });
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: key() }, { voterId }))).toMatchObject({
      code: 'CONFLICT',
      message: '该品牌已退回重新申报，不在品牌清单中，不能投票',
    });
    await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId });
    expect(await db.vote.count({ where: { campaignId } })).toBe(1);
  });
});

describe('the idempotency key', () => {
  it('answers a repeated key with the saved vote, even after the limit or the window, and refuses it for another entry', async () => {
    const scope = await createVotingScope({ entries: 2, members: 1, perDay: 1 });
    const campaignId = scope.campaign.id;
    const voterId = (await memberVoter(campaignId, scope.members[0].id))!;
    const sameKey = key();
    const vote = { campaignId, applicationId: scope.entries[0].id, idempotencyKey: sameKey };
    const first = await castVote(vote, { voterId });
    // The day's only vote is used; the retry of the saved one still answers with its receipt.
    const retries = await Promise.all(Array.from({ length: 5 }, () => castVote(vote, { voterId })));
    expect(retries.map((retry) => [retry.receipt, retry.repeated])).toEqual(Array.from({ length: 5 }, () => [first.receipt, true]));
    expect(await rejection(castVote({ ...vote, applicationId: scope.entries[1].id }, { voterId }))).toMatchObject({
      code: 'CONFLICT',
      message: '这次投票请求已用于另一个品牌，请刷新页面后重试',
    });
    await closeVoting(campaignId);
    expect(await castVote(vote, { voterId })).toMatchObject({ receipt: first.receipt, repeated: true });
    expect(await db.vote.count({ where: { voterId } })).toBe(1);
  });

  it('the route answers a retried request (after a lost or failed answer) with the same receipt, counting one vote', async () => {
    const scope = await createVotingScope({ entries: 1, members: 0 });
    const campaignId = scope.campaign.id;
    const [voterId] = await publicVoters(campaignId, 1);
    const cookie = `${voterCookieName(campaignId)}=${signVoterToken(campaignId, voterId!, new Date(Date.now() + 3600_000))}; dj_device=routetestdevice00001`;
    const body = JSON.stringify({ applicationId: scope.entries[0].id, idempotencyKey: key() });
    const post = () =>
      postVote(new Request(`http://vote.test/api/campaigns/${campaignId}/votes`, { method: 'POST', body, headers: { host: 'vote.test', origin: 'http://vote.test', cookie } }), {
        params: Promise.resolve({ id: campaignId }),
      });
    const first = await post();
    expect(first.status).toBe(200);
    const saved = (await first.json()) as { receipt: string };
    const again = await Promise.all([post(), post(), post()]);
    expect(again.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await Promise.all(again.map((response) => response.json()))).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ receipt: saved.receipt, repeated: true })));
    expect(await db.vote.count({ where: { campaignId } })).toBe(1);
  });
});
