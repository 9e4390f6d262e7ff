// 网络投票: casting goes through the database function cast_vote (migration 0015), so every rule holds under any load.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db, getPool, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { entryRefusal, operationRefusal } from '@/lib/campaign/lifecycle';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';

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

/**
 * Limits on casting beyond the voter's own (cast_vote, migration 0015). Per IP: votes of one campaign from one address
 * in the last hour (a school or office behind one NAT address holds many voters, so it is generous: a burst from one
 * address beyond it is what the 异常投票 flags look at anyway). Per device (the dj_device cookie): one device casts no
 * more a day than one voter may (votes_per_voter_per_day), so verifying many phones on one handset gains nothing.
 */
export const VOTE_CAST_LIMITS = { ipPerHour: 200 };

type TRefusalCode = 'STAGE_LOCKED' | 'NOT_FOUND' | 'FORBIDDEN' | 'VOTE_LIMIT' | 'CONFLICT';

const REFUSALS: Record<string, { code: TRefusalCode; message: (perDay: number) => string }> = {
  NO_VOTER: { code: 'FORBIDDEN', message: () => '请先登录或验证手机号后再投票' },
  KIND_CLOSED: { code: 'FORBIDDEN', message: () => '本活动未开放这种方式投票' },
  NOT_MEMBER: { code: 'FORBIDDEN', message: () => '您已不是本次活动范围内的党员，不能投票' },
  NOT_LISTED: { code: 'NOT_FOUND', message: () => '该品牌不在本次投票的品牌清单中' },
  RETURNED: { code: 'CONFLICT', message: () => entryRefusal('receive-vote', 'returned')!.message },
  OWN_ORGANIZATION: { code: 'FORBIDDEN', message: () => '本活动不允许为本单位的品牌投票' },
  DAY_LIMIT: { code: 'VOTE_LIMIT', message: (perDay) => `今天的 ${perDay} 票已经投完，明天再来吧` },
  ENTRY_LIMIT: { code: 'VOTE_LIMIT', message: () => '今天已为该品牌投过票，可以支持其他品牌' },
  TOTAL_LIMIT: { code: 'VOTE_LIMIT', message: () => '您在本次活动中的票数已经用完' },
  IP_LIMIT: { code: 'VOTE_LIMIT', message: () => '当前网络投票过于频繁，请稍后再试' },
  DEVICE_LIMIT: { code: 'VOTE_LIMIT', message: () => '这台设备今天的投票次数已达上限，请明天再来' },
  KEY_REUSED: { code: 'CONFLICT', message: () => '这次投票请求已用于另一个品牌，请刷新页面后重试' },
};

type TCastRow = { outcome: string; receipt: string | null; used_today: number; per_day: number };

/**
 * One vote: accepted (or the same request repeated) returns the receipt; any rule that fails refuses with the reason.
 * Outside a transaction the statement goes straight to the pool (the hot path of a burst); inside one, through it.
 * A vote refused because the campaign is not taking votes (CLOSED) is explained by the state machine, which names
 * the stage or the campaign's status; that read happens on the refusal only.
 */
export async function castVote(input: TCastVoteInput, request: TVoteRequest, tx?: TTx) {
  const { campaignId, applicationId, idempotencyKey } = ZCastVote.parse(input);
  const params = [
    campaignId,
    request.voterId,
    applicationId,
    idempotencyKey,
    newReceiptCode(),
    request.ip ?? null,
    request.userAgent?.slice(0, 300) ?? null,
    request.deviceId ?? null,
    VOTE_CAST_LIMITS.ipPerHour,
  ];
  const [row] = tx
    ? await tx.$queryRawUnsafe<TCastRow[]>(CAST_VOTE_SQL, ...params)
    : (await getPool().query<TCastRow>(CAST_VOTE_SQL, params)).rows;
  if (row.outcome === 'ACCEPTED' || row.outcome === 'REPEATED') {
    return { receipt: row.receipt!, repeated: row.outcome === 'REPEATED', usedToday: row.used_today, perDay: row.per_day };
  }
  if (row.outcome === 'CLOSED') throw await closedRefusal(campaignId, tx);
  const refusal = REFUSALS[row.outcome] ?? { code: 'FORBIDDEN' as const, message: () => '投票未成功，请稍后重试' };
  throw new AppError(refusal.code, refusal.message(row.per_day));
}

/** Why the campaign takes no vote now, in the state machine's words ("网络投票阶段已结束，不能投票", "活动已结束，不能投票"). */
async function closedRefusal(campaignId: string, tx?: TTx): Promise<AppError> {
  const life = tx ? await loadLifecycle(tx, campaignId) : await db.$transaction((inner) => loadLifecycle(inner, campaignId));
  const refusal = operationRefusal('cast-vote', life);
  // The window closed between cast_vote and this read is still closed; one that opened since is "try again".
  return new AppError(refusal?.code ?? 'STAGE_LOCKED', refusal?.message ?? '投票未成功，请稍后重试');
}

const CAST_VOTE_SQL = 'SELECT outcome, receipt, used_today, per_day FROM cast_vote($1, $2, $3, $4, $5, $6, $7, $8, $9)';

/**
 * The voter row of a member in a campaign, created on first use: the member's organization (their MEMBER grant) is
 * recorded for the headcount flag (flags.ts). Null when the user is not a member of a unit under the campaign's owner.
 * Every vote after the first finds the row with one indexed read; cast_vote then checks that member voting is open,
 * and reads the member's current MEMBER roles (a removed role refuses, the own unit is judged by today's units).
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
