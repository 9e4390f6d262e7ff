import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { BIG_SCREEN_TOP, loadBigScreen } from '@/lib/bigscreen/queries';
import { staffUserWith } from '../support/print-applications';
import { createVotingScope, insertVotes } from '../support/voting';

// The 大屏's numbers equal direct counts, it carries no personal data, and only the organizer's staff read it.
describe('大屏 data', () => {
  it('counts valid votes per entry and today, the campaign counts, and ranks the top entries', async () => {
    const scope = await createVotingScope({ entries: 3, members: 0 });
    const campaignId = scope.campaign.id;
    const [e0, e1, e2] = scope.entries.map((entry) => entry.id);
    await insertVotes(campaignId, e1, 5);
    await insertVotes(campaignId, e0, 2);
    await insertVotes(campaignId, e2, 2, { invalid: true });
    // Two of e0's votes from yesterday (Shanghai): in the total, not today.
    await insertVotes(campaignId, e0, 2, { createdAt: new Date(Date.now() - 36 * 3_600_000) });

    const admin = await staffUserWith([{ role: 'ORG_ADMIN', organizationId: scope.city.id }]);
    const data = await loadBigScreen(admin, campaignId);

    const [direct] = await db.$queryRaw<{ valid: bigint; today: bigint; voters: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE invalidated_at IS NULL) AS valid,
        COUNT(*) FILTER (WHERE invalidated_at IS NULL AND (created_at AT TIME ZONE 'Asia/Shanghai')::date = (now() AT TIME ZONE 'Asia/Shanghai')::date) AS today,
        (SELECT COUNT(*) FROM voters WHERE campaign_id = ${campaignId}) AS voters
      FROM votes WHERE campaign_id = ${campaignId}`;
    expect(data.stats.validVotes).toBe(Number(direct.valid));
    expect(data.stats.validVotes).toBe(9);
    expect(data.stats.votesToday).toBe(Number(direct.today));
    expect(data.stats.voters).toBe(Number(direct.voters));
    expect(data.stats).toMatchObject({ declared: 3, qualified: 3, listed: 3, drafts: 0, reviewsDone: 0, reviewsTotal: 0 });

    expect(data.top.map((entry) => [entry.applicationId, entry.validVotes])).toEqual([
      [e1, 5],
      [e0, 4],
      [e2, 0],
    ]);
    expect(data.top.length).toBeLessThanOrEqual(BIG_SCREEN_TOP);
    expect(data.current?.label).toBe('网络投票');
    expect(data.current?.status).toBe('open');

    // Brand and organization names only: no secretary, contact, phone or voter anywhere in the payload.
    const payload = JSON.stringify(data);
    const application = await db.application.findUniqueOrThrow({ where: { id: e0 }, select: { contactPhone: true, contactName: true, secretaryName: true } });
    for (const secret of [application.contactPhone, application.contactName, application.secretaryName].filter(Boolean)) expect(payload).not.toContain(secret);
    const voter = await db.voter.findFirstOrThrow({ where: { campaignId }, select: { phone: true, id: true } });
    expect(payload).not.toContain(voter.phone!);
    expect(payload).not.toContain(voter.id);
  });

  it('is refused to staff outside the campaign owner and to committees inside it', async () => {
    const scope = await createVotingScope({ entries: 1, members: 0 });
    const west = await staffUserWith([{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }]);
    await expect(loadBigScreen(west, scope.campaign.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const committee = await staffUserWith([{ role: 'COMMITTEE_ADMIN', organizationId: scope.city.id }]);
    await expect(loadBigScreen(committee, scope.campaign.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadBigScreen(west, 'no-such-campaign')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
