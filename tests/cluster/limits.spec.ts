import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { db } from '@/lib/db';
import { signVoterToken, voterCookieName } from '@/lib/voting/voter-token';
import { createVotingScope } from '../support/voting';
import { INSTANCE_A, INSTANCE_B, NEXTAUTH_SECRET, freshIp, proxied } from './support';

// Vote limits are counted by cast_vote in PostgreSQL: a voter's daily votes are the same wherever they land.

test("a voter's daily limit counts votes cast on A and on B together", async ({ request }) => {
  const scope = await createVotingScope({ entries: 3, members: 0, perDay: 2 });
  const campaignId = scope.campaign.id;
  await db.campaign.update({ where: { id: campaignId }, data: { publicVotingEnabled: true } });
  const voter = await db.voter.create({ data: { campaignId, kind: 'PUBLIC', phone: `139${String(Date.now()).slice(-8)}` } });
  // The cookie a verified phone gets, signed with the secret every instance shares.
  const token = signVoterToken(campaignId, voter.id, new Date(Date.now() + 3_600_000), NEXTAUTH_SECRET);
  const ip = freshIp();
  const vote = (instance: string, index: number) =>
    request.post(`${instance}/api/campaigns/${campaignId}/votes`, {
      headers: { ...proxied(ip), Cookie: `${voterCookieName(campaignId)}=${token}; dj_device=${randomBytes(12).toString('hex')}`, 'Content-Type': 'application/json' },
      data: { applicationId: scope.entries[index].id, idempotencyKey: randomBytes(12).toString('hex') },
    });

  const first = await vote(INSTANCE_A, 0);
  const second = await vote(INSTANCE_B, 1);
  expect([first.status(), second.status()]).toEqual([200, 200]);
  expect(((await second.json()) as { usedToday: number }).usedToday).toBe(2);
  const third = await vote(INSTANCE_A, 2);
  expect(third.status()).toBeGreaterThanOrEqual(400);
  expect(((await third.json()) as { message: string }).message).toBe('今天的 2 票已经投完，明天再来吧');
  expect(await db.vote.count({ where: { campaignId, voterId: voter.id } })).toBe(2);
});
