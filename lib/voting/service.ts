// 网络投票: casting goes through the database function cast_vote (migration 0009), so every rule holds under any load.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db, getPool, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** No 0/O, 1/I/L: receipts are read aloud and typed on phones. */
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (byte) => RECEIPT_ALPHABET[byte % RECEIPT_ALPHABET.length]).join('');
}

export const ZCastVote = z.object({
  campaignId: z.string().min(1, '缺少评选活动').max(64),
  applicationId: z.string().min(1, '缺少品牌').max(64),
  /** Chosen by the client per click; a retry of the same click sends the same key. */
  idempotencyKey: z.string().min(8, '请求标识无效').max(64, '请求标识无效'),
});
export type TCastVoteInput = z.input<typeof ZCastVote>;

export type TVoteRequest = { voterId: string; ip?: string | null; userAgent?: string | null; deviceId?: string | null };

const REFUSALS: Record<string, { code: 'STAGE_LOCKED' | 'NOT_FOUND' | 'FORBIDDEN' | 'VOTE_LIMIT'; message: (perDay: number) => string }> = {
  NO_VOTER: { code: 'FORBIDDEN', message: () => '请先登录或验证手机号后再投票' },
  KIND_CLOSED: { code: 'FORBIDDEN', message: () => '本活动未开放这种方式投票' },
  CLOSED: { code: 'STAGE_LOCKED', message: () => '当前不在投票时间内' },
  NOT_LISTED: { code: 'NOT_FOUND', message: () => '该品牌不在本次投票的品牌清单中' },
  OWN_ORGANIZATION: { code: 'FORBIDDEN', message: () => '本活动不允许为本单位的品牌投票' },
  DAY_LIMIT: { code: 'VOTE_LIMIT', message: (perDay) => `今天的 ${perDay} 票已经投完，明天再来吧` },
  ENTRY_LIMIT: { code: 'VOTE_LIMIT', message: () => '今天已为该品牌投过票，可以支持其他品牌' },
  TOTAL_LIMIT: { code: 'VOTE_LIMIT', message: () => '您在本次活动中的票数已经用完' },
};

type TCastRow = { outcome: string; receipt: string | null; used_today: number; per_day: number };

/**
 * One vote: accepted (or the same request repeated) returns the receipt; any rule that fails refuses with the reason.
 * Outside a transaction the statement goes straight to the pool (the hot path of a burst); inside one, through it.
 */
export async function castVote(input: TCastVoteInput, request: TVoteRequest, tx?: TTx) {
  const { campaignId, applicationId, idempotencyKey } = ZCastVote.parse(input);
  const params = [campaignId, request.voterId, applicationId, idempotencyKey, newReceiptCode(), request.ip ?? null, request.userAgent?.slice(0, 300) ?? null, request.deviceId ?? null];
  const [row] = tx
    ? await tx.$queryRawUnsafe<TCastRow[]>(CAST_VOTE_SQL, ...params)
    : (await getPool().query<TCastRow>(CAST_VOTE_SQL, params)).rows;
  if (row.outcome === 'ACCEPTED' || row.outcome === 'REPEATED') {
    return { receipt: row.receipt!, repeated: row.outcome === 'REPEATED', usedToday: row.used_today, perDay: row.per_day };
  }
  const refusal = REFUSALS[row.outcome] ?? { code: 'FORBIDDEN' as const, message: () => '投票未成功，请稍后重试' };
  throw new AppError(refusal.code, refusal.message(row.per_day));
}

const CAST_VOTE_SQL = 'SELECT outcome, receipt, used_today, per_day FROM cast_vote($1, $2, $3, $4, $5, $6, $7, $8)';

/**
 * The voter row of a member in a campaign, created on first use: the member's organization (their MEMBER grant) is
 * recorded for the own-organization rule. Null when the user is not a member of a unit under the campaign's owner.
 * Every vote after the first finds the row with one indexed read (cast_vote checks that member voting is open).
 */
export async function memberVoter(campaignId: string, userId: string): Promise<string | null> {
  const existing = await db.voter.findUnique({ where: { campaignId_userId: { campaignId, userId } }, select: { id: true } });
  if (existing) return existing.id;
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { memberVotingEnabled: true, ownerOrg: { select: { path: true } } } });
  if (!campaign?.memberVotingEnabled) return null;
  const grant = await db.roleAssignment.findFirst({
    where: { userId, role: 'MEMBER', user: { isDisabled: false }, organization: { isActive: true, path: { startsWith: campaign.ownerOrg.path } } },
    select: { organizationId: true },
    orderBy: { createdAt: 'asc' },
  });
  if (!grant) return null;
  await db.$executeRaw`
    INSERT INTO voters (id, campaign_id, kind, user_id, organization_id) VALUES (${newVoterId()}, ${campaignId}, 'MEMBER', ${userId}, ${grant.organizationId})
    ON CONFLICT (campaign_id, user_id) DO NOTHING`;
  const voter = await db.voter.findUniqueOrThrow({ where: { campaignId_userId: { campaignId, userId } }, select: { id: true } });
  return voter.id;
}

const newVoterId = () => `v${randomBytes(12).toString('hex')}`;

/** What a receipt says: the entry, when, and whether the vote counts (or why not). Anyone holding the code may look. */
export async function lookupReceipt(code: string) {
  const receipt = code.trim().toUpperCase();
  if (!/^[2-9A-Z]{10}$/.test(receipt)) return null;
  const vote = await db.vote.findUnique({
    where: { receiptCode: receipt },
    select: { createdAt: true, invalidatedAt: true, invalidReason: true, campaign: { select: { title: true } }, application: { select: { brandName: true } } },
  });
  return vote && { campaignTitle: vote.campaign.title, brandName: vote.application.brandName, createdAt: vote.createdAt, counted: !vote.invalidatedAt, invalidReason: vote.invalidReason };
}
export const VOTE_CAST_LIMITS = { ipPerHour: 200 };
