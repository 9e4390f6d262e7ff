// 作废 and 恢复 of votes by staff of the campaign's owner: one vote, or every valid vote of a flag's rule, with a reason,
// in one transaction with its audit record. Counts and the receipt lookup read invalidated_at, so they change at once.
import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { FLAG_TITLES, flagSelection, parseFlagKey } from '@/lib/voting/flags';

const reason = z.string().trim().min(5, '作废理由至少 5 个字').max(500, '作废理由不能超过 500 个字');
const voteIds = z.array(z.string().regex(/^\d{1,18}$/, '投票记录无效')).min(1, '请选择要作废的投票').max(500, '一次最多处理 500 票');

export const ZInvalidateVotes = z.object({ campaignId: z.string().min(1).max(64), voteIds, reason });
export const ZInvalidateByFlag = z.object({ campaignId: z.string().min(1).max(64), flagKey: z.string().min(1).max(600), reason });
export const ZRestoreVotes = z.object({ campaignId: z.string().min(1).max(64), voteIds, reason: z.string().trim().min(5, '恢复理由至少 5 个字').max(500, '恢复理由不能超过 500 个字') });
export type TInvalidateVotesInput = z.input<typeof ZInvalidateVotes>;
export type TInvalidateByFlagInput = z.input<typeof ZInvalidateByFlag>;
export type TRestoreVotesInput = z.input<typeof ZRestoreVotes>;

/**
 * Staff of the owner, the campaign running ('invalidate-votes': not finished or cancelled) and the result not yet
 * decided: after the 领导小组审定 is signed the votes are history. The campaign row is locked FOR NO KEY UPDATE: other
 * staff changes of the campaign wait, votes do not. (FOR UPDATE would also block a vote's foreign-key check while
 * that vote holds its voter row, and the tally trigger of this UPDATE then waits for that voter row: a deadlock.)
 */
async function lockCampaign(tx: TTx, campaignId: string, actorId: string | null) {
  const [campaign] = await tx.$queryRaw<{ path: string }[]>`
    SELECT o.path FROM campaigns c JOIN organizations o ON o.id = c.owner_org_id WHERE c.id = ${campaignId} FOR NO KEY UPDATE OF c`;
  if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
  await assertCampaignAdmin(tx, actorId, campaign.path);
  await requireOperation(tx, campaignId, 'invalidate-votes');
  const signed = await tx.decision.count({ where: { campaignId, kind: 'FINAL', signedAt: { not: null } } });
  if (signed > 0) throw new AppError('STAGE_LOCKED', '领导小组已审定，投票结果不能再更改');
}

async function invalidate(tx: TTx, campaignId: string, condition: Prisma.Sql, reasonText: string, actorId: string | null) {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    UPDATE votes v SET invalidated_at = now(), invalid_reason = ${reasonText}, invalidated_by_id = ${actorId}
    WHERE v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL AND ${condition}
    RETURNING v.id`;
  return rows.map((row) => String(row.id));
}

/** Single votes (by id), e.g. from a flag's evidence table. */
export async function invalidateVotes(input: TInvalidateVotesInput, context: TAuditContext) {
  const { campaignId, voteIds: ids, reason: text } = ZInvalidateVotes.parse(input);
  return db.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId, context.actorId);
    const changed = await invalidate(tx, campaignId, Prisma.sql`v.id IN (${Prisma.join(ids.map(BigInt))})`, text, context.actorId);
    if (changed.length === 0) throw new AppError('CONFLICT', '这些投票已经作废或不存在');
    await recordAudit(tx, context, { action: 'invalidate-votes', entityType: 'Campaign', entityId: campaignId, after: { count: changed.length, voteIds: changed, reason: text } });
    return { count: changed.length };
  });
}

/** Every valid vote the flag's rule selects, as the evidence table showed them (re-selected inside the transaction). */
export async function invalidateByFlag(input: TInvalidateByFlagInput, context: TAuditContext) {
  const { campaignId, flagKey, reason: text } = ZInvalidateByFlag.parse(input);
  const ref = parseFlagKey(flagKey);
  if (!ref) throw new AppError('INVALID_INPUT', '异常规则无效，请刷新页面后重试');
  return db.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId, context.actorId);
    const changed = await invalidate(tx, campaignId, flagSelection(ref), `${FLAG_TITLES[ref.kind]}：${text}`, context.actorId);
    if (changed.length === 0) throw new AppError('CONFLICT', '该规则下已没有有效投票');
    await recordAudit(tx, context, {
      action: 'invalidate-votes-by-rule',
      entityType: 'Campaign',
      entityId: campaignId,
      after: { rule: ref, count: changed.length, voteIds: changed.slice(0, 1000), reason: text },
    });
    return { count: changed.length };
  });
}

/** 恢复计票: undoes an invalidation found to be wrong; the vote counts again (the audit keeps both steps). */
export async function restoreVotes(input: TRestoreVotesInput, context: TAuditContext) {
  const { campaignId, voteIds: ids, reason: text } = ZRestoreVotes.parse(input);
  return db.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId, context.actorId);
    const rows = await tx.$queryRaw<{ id: bigint; before: string }[]>`
      UPDATE votes v SET invalidated_at = NULL, invalid_reason = NULL, invalidated_by_id = NULL
      FROM (SELECT id, invalid_reason FROM votes WHERE campaign_id = ${campaignId} AND invalidated_at IS NOT NULL AND id IN (${Prisma.join(ids.map(BigInt))}) FOR UPDATE) old
      WHERE v.id = old.id RETURNING v.id, old.invalid_reason AS before`;
    if (rows.length === 0) throw new AppError('CONFLICT', '这些投票没有作废或不存在');
    await recordAudit(tx, context, {
      action: 'restore-votes',
      entityType: 'Campaign',
      entityId: campaignId,
      before: rows.map((row) => ({ id: String(row.id), reason: row.before })),
      after: { count: rows.length, reason: text },
    });
    return { count: rows.length };
  });
}

/** Votes by receipt code, IP or phone (for 单票作废 outside any flag), valid and invalidated, newest first. */
export async function findVotes(campaignId: string, query: string, limit = 50) {
  const q = query.trim();
  if (!q) return [];
  const receipt = q.toUpperCase();
  const rows = await db.$queryRaw<{ id: bigint; receiptCode: string; createdAt: Date; brandName: string; kind: string; phone: string | null; member: string | null; ip: string | null; invalidatedAt: Date | null; invalidReason: string | null }[]>`
    SELECT v.id, v.receipt_code AS "receiptCode", v.created_at AS "createdAt", a.brand_name AS "brandName", r.kind, r.phone,
      u.display_name AS member, v.ip, v.invalidated_at AS "invalidatedAt", v.invalid_reason AS "invalidReason"
    FROM votes v JOIN voters r ON r.id = v.voter_id JOIN applications a ON a.id = v.application_id LEFT JOIN users u ON u.id = r.user_id
    WHERE v.campaign_id = ${campaignId} AND (v.receipt_code = ${receipt} OR v.ip = ${q} OR r.phone = ${q} OR u.login_name = ${q})
    ORDER BY v.created_at DESC, v.id DESC LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}
