import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { newReceiptCode } from '@/lib/voting/service';
import { createOrg, createUser } from './factories';
import { createListedScope } from './reviews';

/**
 * A listed campaign with the vote open by database time, and `members` party members: half in a branch of the west
 * district, half in the east committee's first branch (whose own entry they may not vote for by default).
 */
export async function createVotingScope(options: { entries: number; members: number; perDay?: number; perEntry?: number; total?: number | null }) {
  const scope = await createListedScope(options.entries);
  await db.campaign.update({
    where: { id: scope.campaign.id },
    data: { votesPerVoterPerDay: options.perDay ?? 5, votesPerEntryPerDay: options.perEntry ?? 1, votesPerVoterTotal: options.total ?? null, memberVotingEnabled: true },
  });
  await openVoting(scope.campaign.id);
  const westBranch = await createOrg({ parent: scope.westDistrict });
  const ownBranch = await db.organization.findUniqueOrThrow({ where: { id: scope.entries[0].branchId }, select: { id: true, path: true } });
  const members = [];
  for (let index = 0; index < options.members; index++) {
    members.push(await createUser({ roles: [{ role: 'MEMBER', organizationId: index % 2 === 0 ? westBranch.id : ownBranch.id }] }));
  }
  return { ...scope, members, westBranch };
}

/** 资格审查 over, voting open, by database time. */
export async function openVoting(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'QUALIFICATION'`;
  await db.$executeRaw`UPDATE campaign_stages SET is_enabled = true, starts_at = now() - interval '1 second', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'VOTING'`;
}

export async function closeVoting(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${campaignId} AND kind = 'VOTING'`;
}

let phoneCounter = 0;

type TInsertOptions = {
  invalid?: boolean;
  /** The IP of every vote, or one per vote by index. */
  ip?: string | ((index: number) => string);
  createdAt?: Date;
  /** Vote as these voters (round robin) instead of one new public voter per vote. */
  voterIds?: string[];
};

/** Votes written directly (no rules), for tests of what is counted: one new public voter per vote unless given. */
export async function insertVotes(campaignId: string, applicationId: string, count: number, options: TInsertOptions = {}) {
  const receipts: string[] = [];
  for (let index = 0; index < count; index++) {
    const phone = `1${String(Date.now() % 1e6).padStart(6, '0')}${String(phoneCounter++ % 10000).padStart(4, '0')}`;
    const voterId = options.voterIds?.[index % options.voterIds.length] ?? (await db.voter.create({ data: { campaignId, kind: 'PUBLIC', phone, createdAt: options.createdAt } })).id;
    const vote = await db.vote.create({
      data: {
        campaignId,
        applicationId,
        voterId,
        // The voter's day in Asia/Shanghai, as cast_vote records it.
        voteDay: new Date(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })),
        receiptCode: newReceiptCode(),
        idempotencyKey: `test-${randomBytes(8).toString('hex')}`,
        ip: typeof options.ip === 'function' ? options.ip(index) : (options.ip ?? null),
        createdAt: options.createdAt,
        invalidatedAt: options.invalid ? new Date() : null,
      },
      select: { receiptCode: true },
    });
    receipts.push(vote.receiptCode);
  }
  return receipts;
}
