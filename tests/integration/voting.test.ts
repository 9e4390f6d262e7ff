import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { castVote, lookupReceipt, memberVoter } from '@/lib/voting/service';
import { rejection } from '../support/errors';
import { closeVoting, createVotingScope } from '../support/voting';

const key = () => randomUUID();

describe('casting votes', () => {
  it('1,000 parallel requests from 200 voters against 3 a day end with exactly the allowed votes', async () => {
    const scope = await createVotingScope({ entries: 5, members: 200, perDay: 3, perEntry: 1 });
    const campaignId = scope.campaign.id;
    const voters = await Promise.all(scope.members.map((member) => memberVoter(campaignId, member.id)));
    // West-branch members (even index) may vote for all five entries; own-branch members not for entry 0.
    const requests = Array.from({ length: 1000 }, (_, index) => {
      const voter = index % 200;
      return castVote({ campaignId, applicationId: scope.entries[Math.floor(index / 200)].id, idempotencyKey: key() }, { voterId: voters[voter]!, ip: `10.0.${voter % 250}.1` });
    });
    const outcomes = await Promise.allSettled(requests);
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const reasons = new Set(outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as AppError).code] : [])));
    // Every voter tries all five entries once: 3 each are accepted, except that own-branch members lose entry 0's try.
    expect(accepted).toBe(100 * 3 + 100 * 3);
    expect([...reasons].sort()).toEqual(['FORBIDDEN', 'VOTE_LIMIT']);
    expect(await db.vote.count({ where: { campaignId } })).toBe(600);
    const perVoter = await db.vote.groupBy({ by: ['voterId'], where: { campaignId }, _count: { _all: true } });
    expect(perVoter.every((row) => row._count._all === 3)).toBe(true);
  });

  it('counts a retried request once, refuses the same entry twice a day, and a voter over the total', async () => {
    const scope = await createVotingScope({ entries: 3, members: 2, perDay: 5, perEntry: 1, total: 2 });
    const campaignId = scope.campaign.id;
    const voterId = (await memberVoter(campaignId, scope.members[0].id))!;
    const sameKey = key();
    const first = await castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: sameKey }, { voterId });
    const retries = await Promise.all(Array.from({ length: 5 }, () => castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: sameKey }, { voterId })));
    expect(retries.every((retry) => retry.receipt === first.receipt && retry.repeated)).toBe(true);
    expect(await db.vote.count({ where: { voterId } })).toBe(1);
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: key() }, { voterId }))).toMatchObject({
      code: 'VOTE_LIMIT',
      message: '今天已为该品牌投过票，可以支持其他品牌',
    });
    await castVote({ campaignId, applicationId: scope.entries[2].id, idempotencyKey: key() }, { voterId });
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId }))).toMatchObject({ message: '您在本次活动中的票数已经用完' });
  });

  it('refuses own-organization votes unless allowed, entries not on the list, and any vote outside the window', async () => {
    const scope = await createVotingScope({ entries: 2, members: 2 });
    const campaignId = scope.campaign.id;
    const ownVoter = (await memberVoter(campaignId, scope.members[1].id))!;
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId: ownVoter }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '本活动不允许为本单位的品牌投票',
    });
    await db.campaign.update({ where: { id: campaignId }, data: { allowVoteForOwnOrg: true } });
    await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId: ownVoter });
    const other = await createVotingScope({ entries: 1, members: 0 });
    expect((await rejection(castVote({ campaignId, applicationId: other.entries[0].id, idempotencyKey: key() }, { voterId: ownVoter }))).code).toBe('NOT_FOUND');
    // The voter row stays, but once member voting is switched off the database refuses the member's vote.
    await db.campaign.update({ where: { id: campaignId }, data: { memberVotingEnabled: false } });
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: key() }, { voterId: ownVoter }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '本活动未开放这种方式投票',
    });
    await db.campaign.update({ where: { id: campaignId }, data: { memberVotingEnabled: true } });
    await closeVoting(campaignId);
    expect(await rejection(castVote({ campaignId, applicationId: scope.entries[1].id, idempotencyKey: key() }, { voterId: ownVoter }))).toMatchObject({ code: 'STAGE_LOCKED', message: '网络投票阶段已结束，不能投票' });
    // A member of another tree has no voter row here; a voter of another campaign cannot vote in this one.
    const outsider = await memberVoter(campaignId, other.cityAdmin.id);
    expect(outsider).toBeNull();
  });

  it('the receipt tells whether the vote counted, and why not once invalidated', async () => {
    const scope = await createVotingScope({ entries: 1, members: 1 });
    const voterId = (await memberVoter(scope.campaign.id, scope.members[0].id))!;
    const { receipt } = await castVote({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, idempotencyKey: key() }, { voterId });
    expect(receipt).toMatch(/^[2-9A-Z]{10}$/);
    expect(await lookupReceipt(receipt.toLowerCase())).toMatchObject({ counted: true, invalidReason: null });
    await db.vote.update({ where: { receiptCode: receipt }, data: { invalidatedAt: new Date(), invalidReason: '同一 IP 短时间内大量投票' } });
    expect(await lookupReceipt(receipt)).toMatchObject({ counted: false, invalidReason: '同一 IP 短时间内大量投票' });
    expect(await lookupReceipt('NOTACODE!!')).toBeNull();
  });
});
