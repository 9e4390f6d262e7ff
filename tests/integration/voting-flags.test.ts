import { describe, expect, it } from 'vitest';
import { cancelCampaign, finishCampaign } from '@/lib/campaign/service';
import { db } from '@/lib/db';
import { validVoteCounts } from '@/lib/review/results';
import { detectFlags, FLAG_THRESHOLDS, flagVotes } from '@/lib/voting/flags';
import { getStaffDashboard } from '@/lib/dashboard/staff-dashboard';
import { shanghaiHour } from '@/lib/dashboard/votes';
import { claimFlagDetection, detectAndStoreFlags, FLAG_CLAIM_EXPIRES_MS, FLAG_REUSE_MS, recentFlags } from '@/lib/voting/flag-snapshot';
import { invalidateByFlag, invalidateVotes, restoreVotes } from '@/lib/voting/invalidation';
import { lookupReceipt, memberVoter } from '@/lib/voting/service';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { createVotingScope, insertVotes } from '../support/voting';

const REASON = '同一 IP 集中投票，经核实为刷票';

describe('anti-rigging flags and invalidation', () => {
  it('flags a burst from one IP, invalidates it by rule with an audit record, and the counts and receipts follow', async () => {
    const scope = await createVotingScope({ entries: 3, members: 0 });
    const campaignId = scope.campaign.id;
    const [a, b] = scope.entries;
    const burst = await insertVotes(campaignId, a.id, FLAG_THRESHOLDS.ipVotes + 5, { ip: '203.0.113.7' });
    await insertVotes(campaignId, b.id, 4, { ip: (index) => `198.51.100.${index + 1}` });

    const flags = await detectFlags(campaignId);
    const ipFlag = flags.find((flag) => flag.ref.kind === 'IP_BURST')!;
    expect(flags.map((flag) => flag.ref.kind).sort()).toEqual(['IP_BURST']);
    expect(ipFlag.votes).toBe(25);
    expect(ipFlag.summary).toContain('IP 203.0.113.7');
    const brandA = (await db.application.findUniqueOrThrow({ where: { id: a.id } })).brandName;
    const evidence = await flagVotes(campaignId, ipFlag.ref, 10);
    expect(evidence.total).toBe(25);
    expect(evidence.rows).toHaveLength(10);
    expect(evidence.rows.every((row) => row.ip === '203.0.113.7' && row.brandName === brandA)).toBe(true);

    const result = await invalidateByFlag({ campaignId, flagKey: ipFlag.key, reason: REASON }, { actorId: scope.cityAdmin.id });
    expect(result.count).toBe(25);
    const counts = await validVoteCounts(db, campaignId);
    expect(counts.get(a.id) ?? 0).toBe(0);
    expect(counts.get(b.id)).toBe(4);
    expect(await detectFlags(campaignId)).toEqual([]);
    const receipt = await lookupReceipt(burst[0]);
    expect(receipt).toMatchObject({ counted: false, invalidReason: `同一 IP 短时集中投票：${REASON}` });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'invalidate-votes-by-rule', entityId: campaignId } });
    expect(audit.actorId).toBe(scope.cityAdmin.id);
    expect(audit.after).toMatchObject({ count: 25, reason: REASON, rule: { kind: 'IP_BURST', ip: '203.0.113.7' } });

    // A second time there is nothing left to invalidate.
    expect((await rejection(invalidateByFlag({ campaignId, flagKey: ipFlag.key, reason: REASON }, { actorId: scope.cityAdmin.id }))).code).toBe('CONFLICT');
  });

  it("marks the flag's hour on the 组织部 dashboard once the first detection is done; the view never waits long for it", async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    await insertVotes(campaignId, scope.entries[0].id, FLAG_THRESHOLDS.ipVotes + 2, { ip: '203.0.113.9' });
    const [flag] = await detectFlags(campaignId);
    let votes = (await getStaffDashboard({ campaignId, rootOrgId: scope.city.id })).votes;
    for (let attempt = 0; votes.flagsPending && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      votes = (await getStaffDashboard({ campaignId, rootOrgId: scope.city.id })).votes;
    }
    expect(votes.flagsPending).toBe(false);
    expect(votes.flags.map((mark) => [mark.key, mark.hour])).toEqual([[flag.key, shanghaiHour(flag.from!)]]);
    expect(votes.hours.find((row) => row.hour === shanghaiHour(flag.from!))).toMatchObject({ valid: FLAG_THRESHOLDS.ipVotes + 2, flags: 1 });
  });

  it('keeps one detection in the database for every instance; of parallel views on a stale one exactly one detects again', async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    await insertVotes(campaignId, scope.entries[0].id, FLAG_THRESHOLDS.ipVotes, { ip: '203.0.113.21' });
    const until = async (check: (flags: Awaited<ReturnType<typeof recentFlags>>) => boolean) => {
      let flags = await recentFlags(campaignId);
      for (let attempt = 0; !check(flags) && attempt < 50; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        flags = await recentFlags(campaignId);
      }
      return flags;
    };
    // The bursts' addresses (their new voters may also make a wave of new phones, another rule).
    const ips = (flags: Awaited<ReturnType<typeof recentFlags>>) => (flags ?? []).flatMap((flag) => (flag.ref.kind === 'IP_BURST' ? [flag.ref.ip] : [])).sort();
    expect(ips(await until((flags) => flags !== null))).toEqual(['203.0.113.21']);
    const stored = await db.voteFlagSnapshot.findUniqueOrThrow({ where: { campaignId } });
    expect(stored.refreshingSince).toBeNull();
    expect(Date.now() - stored.detectedAt!.getTime()).toBeLessThan(FLAG_REUSE_MS);

    // A second burst: views within the minute show the stored detection (what every instance shows) and detect nothing.
    await insertVotes(campaignId, scope.entries[1].id, FLAG_THRESHOLDS.ipVotes, { ip: '203.0.113.22' });
    expect(ips(await recentFlags(campaignId))).toEqual(['203.0.113.21']);
    expect(await claimFlagDetection(campaignId)).toBeNull();

    // A minute later: of eight parallel claims exactly one wins; a live claim keeps the others out.
    await db.voteFlagSnapshot.update({ where: { campaignId }, data: { detectedAt: new Date(Date.now() - FLAG_REUSE_MS - 1000) } });
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimFlagDetection(campaignId)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimFlagDetection(campaignId)).toBeNull();
    // A claim whose process ended without a result is taken over once it has expired; that view shows the stored flags
    // at once and its detection replaces them for the next views.
    await db.voteFlagSnapshot.update({ where: { campaignId }, data: { refreshingSince: new Date(Date.now() - FLAG_CLAIM_EXPIRES_MS - 1000) } });
    expect(ips(await recentFlags(campaignId))).toEqual(['203.0.113.21']);
    expect(ips(await until((flags) => ips(flags).length === 2))).toEqual(['203.0.113.21', '203.0.113.22']);
    expect((await db.voteFlagSnapshot.findUniqueOrThrow({ where: { campaignId } })).refreshingSince).toBeNull();

    // The flags page detects afresh and stores what it found: the dashboards show it at once.
    const first = (await recentFlags(campaignId))!.find((flag) => flag.ref.kind === 'IP_BURST' && flag.ref.ip === '203.0.113.21')!;
    await invalidateByFlag({ campaignId, flagKey: first.key, reason: REASON }, { actorId: scope.cityAdmin.id });
    expect(ips(await detectAndStoreFlags(campaignId))).toEqual(['203.0.113.22']);
    expect(ips(await recentFlags(campaignId))).toEqual(['203.0.113.22']);
  });

  it('invalidates exactly once when two staff invalidate the same rule at the same moment', async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    await insertVotes(campaignId, scope.entries[0].id, FLAG_THRESHOLDS.ipVotes, { ip: '203.0.113.9' });
    const [flag] = await detectFlags(campaignId);
    const secondAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.city.id }] });
    const outcomes = await Promise.allSettled(
      [scope.cityAdmin.id, secondAdmin.id].map((actorId) => invalidateByFlag({ campaignId, flagKey: flag.key, reason: REASON }, { actorId })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await db.vote.count({ where: { campaignId, invalidatedAt: { not: null } } })).toBe(FLAG_THRESHOLDS.ipVotes);
    expect(await db.auditLog.count({ where: { action: 'invalidate-votes-by-rule', entityId: campaignId } })).toBe(1);
  });

  it('flags a subnet, a wave of new phones and a spike for one entry', async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    // 60 votes from 60 addresses of one /24: no single IP is flagged, the network is; they are new phones and a spike.
    await insertVotes(campaignId, scope.entries[1].id, FLAG_THRESHOLDS.subnetVotes, { ip: (index) => `192.0.2.${index + 1}` });
    const kinds = (await detectFlags(campaignId)).map((flag) => flag.ref.kind).sort();
    expect(kinds).toEqual(['ENTRY_SPIKE', 'NEW_PHONES', 'SUBNET_BURST']);
    const spike = (await detectFlags(campaignId)).find((flag) => flag.ref.kind === 'ENTRY_SPIKE')!;
    expect(spike.summary).toContain((await db.application.findUniqueOrThrow({ where: { id: scope.entries[1].id } })).brandName);

    // Steady votes in earlier windows make the same number no spike: 60 now against a usual 20 per window is 3×, under 5×.
    const other = await createVotingScope({ entries: 1, members: 0 });
    for (let window = 1; window <= 3; window++) {
      await insertVotes(other.campaign.id, other.entries[0].id, 20, { ip: (index) => `10.${window}.${index}.1`, createdAt: new Date(Date.now() - window * 3600_000) });
    }
    await insertVotes(other.campaign.id, other.entries[0].id, 60, { ip: (index) => `10.9.${index}.1` });
    expect((await detectFlags(other.campaign.id)).map((flag) => flag.ref.kind)).not.toContain('ENTRY_SPIKE');
  });

  it('flags a unit with more voting accounts than members; the rule invalidates the voters beyond the headcount', async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    const unit = await createOrg({ parent: scope.westDistrict });
    await db.organization.update({ where: { id: unit.id }, data: { memberCount: 2 } });
    const members = [];
    for (let index = 0; index < 3; index++) members.push(await createUser({ roles: [{ role: 'MEMBER', organizationId: unit.id }] }));
    const voterIds = [];
    for (const member of members) voterIds.push((await memberVoter(campaignId, member.id))!);
    await insertVotes(campaignId, scope.entries[0].id, 3, { voterIds, ip: '10.0.0.1' });

    const flag = (await detectFlags(campaignId)).find((candidate) => candidate.ref.kind === 'UNIT_HEADCOUNT')!;
    expect(flag.summary).toBe(`${unit.name}：党员 2 人，已有 3 个账号投票（3 票）`);
    expect((await flagVotes(campaignId, flag.ref)).total).toBe(1);
    await invalidateByFlag({ campaignId, flagKey: flag.key, reason: '超出单位党员人数的账号投票' }, { actorId: scope.cityAdmin.id });
    const invalid = await db.vote.findMany({ where: { campaignId, invalidatedAt: { not: null } }, select: { voterId: true } });
    expect(invalid).toEqual([{ voterId: voterIds[2] }]);
  });

  it('invalidates and restores single votes; staff of another subtree and any change after the final decision are refused', async () => {
    const scope = await createVotingScope({ entries: 2, members: 0 });
    const campaignId = scope.campaign.id;
    const [receipt] = await insertVotes(campaignId, scope.entries[0].id, 1, { ip: '10.1.1.1' });
    const vote = await db.vote.findUniqueOrThrow({ where: { receiptCode: receipt }, select: { id: true } });
    const voteId = String(vote.id);

    const outsider = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.district.id }] });
    const refused = await rejection(invalidateVotes({ campaignId, voteIds: [voteId], reason: REASON }, { actorId: outsider.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await lookupReceipt(receipt)).toMatchObject({ counted: true });
    expect((await rejection(invalidateVotes({ campaignId, voteIds: [voteId], reason: '短' }, { actorId: scope.cityAdmin.id }))).message).toBe('作废理由至少 5 个字');

    await invalidateVotes({ campaignId, voteIds: [voteId], reason: REASON }, { actorId: scope.cityAdmin.id });
    expect(await lookupReceipt(receipt)).toMatchObject({ counted: false, invalidReason: REASON });
    expect((await validVoteCounts(db, campaignId)).get(scope.entries[0].id) ?? 0).toBe(0);
    await restoreVotes({ campaignId, voteIds: [voteId], reason: '复核后确认为正常投票' }, { actorId: scope.cityAdmin.id });
    expect(await lookupReceipt(receipt)).toMatchObject({ counted: true, invalidReason: null });
    expect((await validVoteCounts(db, campaignId)).get(scope.entries[0].id)).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: campaignId, action: { in: ['invalidate-votes', 'restore-votes'] } } })).toBe(2);

    await db.decision.create({ data: { campaignId, kind: 'FINAL', version: 1, meetingDate: new Date(), attendees: '领导小组', signedAt: new Date(), signedById: scope.cityAdmin.id } });
    const locked = await rejection(invalidateVotes({ campaignId, voteIds: [voteId], reason: REASON }, { actorId: scope.cityAdmin.id }));
    expect(locked).toMatchObject({ code: 'STAGE_LOCKED', message: '领导小组已审定，投票结果不能再更改' });
  });

  it('changes no vote once the campaign is finished or cancelled, even with no 审定 signed', async () => {
    for (const end of ['FINISHED', 'CANCELLED'] as const) {
      const scope = await createVotingScope({ entries: 2, members: 0 });
      const campaignId = scope.campaign.id;
      const as = { actorId: scope.cityAdmin.id };
      await insertVotes(campaignId, scope.entries[0].id, FLAG_THRESHOLDS.ipVotes + 5, { ip: '203.0.113.9' });
      const [flag] = await detectFlags(campaignId);
      const [counted, invalidated] = await db.vote.findMany({ where: { campaignId }, orderBy: { id: 'asc' }, take: 2, select: { id: true } });
      await invalidateVotes({ campaignId, voteIds: [String(invalidated.id)], reason: REASON }, as);

      if (end === 'FINISHED') {
        await db.$executeRaw`UPDATE campaign_stages SET starts_at = LEAST(starts_at, now() - interval '3 days'), ends_at = LEAST(ends_at, now() - interval '2 days') WHERE campaign_id = ${campaignId} AND kind <> 'ANNOUNCEMENT'`;
        await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 hour', ends_at = now() + interval '10 days' WHERE campaign_id = ${campaignId} AND kind = 'ANNOUNCEMENT'`;
        await finishCampaign({ campaignId }, as);
      } else {
        await cancelCampaign({ campaignId, reason: '评选工作调整，本次活动撤销' }, as);
      }
      const refusals = [
        await rejection(invalidateVotes({ campaignId, voteIds: [String(counted.id)], reason: REASON }, as)),
        await rejection(invalidateByFlag({ campaignId, flagKey: flag.key, reason: REASON }, as)),
        await rejection(restoreVotes({ campaignId, voteIds: [String(invalidated.id)], reason: '复核后确认为正常投票' }, as)),
      ];
      const message = end === 'FINISHED' ? '活动已结束，不能作废或恢复投票' : '活动已撤销，不能作废或恢复投票';
      expect(refusals.map((error) => [error.code, error.message])).toEqual(Array(3).fill(['STAGE_LOCKED', message]));
      expect(await db.vote.count({ where: { campaignId, invalidatedAt: { not: null } } })).toBe(1);
      expect(await db.vote.count({ where: { id: invalidated.id, invalidatedAt: { not: null } } })).toBe(1);
      expect(await db.auditLog.count({ where: { entityId: campaignId, action: { in: ['invalidate-votes', 'invalidate-votes-by-rule', 'restore-votes'] } } })).toBe(1);
    }
  });
});
