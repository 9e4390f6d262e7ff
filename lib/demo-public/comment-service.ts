// 群众意见 on the public 示范点 / 示范带 pages ("让群众提出意见", seed 003). The public leaves a comment after proving a
// mobile number by captcha + SMS code; it is stored PENDING with a keyed hash of the number (never the number) and shows
// only once staff APPROVED it. Moderation is a state machine with no other transitions:
//
//   PENDING ──审核通过──▶ APPROVED ──回复（可修改）──▶ APPROVED + reply
//      └────不予显示（写明理由）──▶ REJECTED
//
// Each step is one conditional UPDATE … WHERE status = <from> in a transaction with its audit row: of two staff
// deciding one comment at once exactly one succeeds, the other is told it was decided already. Who may moderate:
// ORG_ADMIN / COMMITTEE_ADMIN whose subtree holds the belt's owner committee or the site's organization, read in the
// same transaction. Approving or replying changes a public page: revalidateDemo() after the commit.
import { createHmac } from 'node:crypto';
import { db, type TTx } from '@/lib/db';
import { authSecret, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { TAuditAction } from '@/lib/audit/labels';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import type { CommentStatus, Role } from '@/lib/generated/prisma/enums';
import { revalidateDemo } from '@/lib/demo-public/cache';
import { COMMENTS_PER_IP_PER_DAY, COMMENTS_PER_PHONE_PER_DAY } from '@/lib/demo-public/comment-rules';
import { commentSubject } from '@/lib/demo-public/queries';
import {
  ZApproveComment,
  ZRejectComment,
  ZReplyComment,
  ZRequestCommentCode,
  ZSubmitComment,
  type TApproveCommentInput,
  type TRejectCommentInput,
  type TReplyCommentInput,
  type TRequestCommentCodeInput,
  type TSubmitCommentInput,
} from '@/lib/demo-public/schema';
import type { TSmsSender } from '@/lib/sms/sender';
import { checkVerificationCode, refuseCodeCheck, sendVerificationCode } from '@/lib/sms/verification-code';

export const MODERATOR_ROLES: Role[] = ['ORG_ADMIN', 'COMMITTEE_ADMIN'];

type TSubject = { beltId?: string; siteId?: string };

/** A code proves the phone for comments on this one belt or site. */
export const commentCodePurpose = (subject: TSubject) => (subject.beltId ? `COMMENT:BELT:${subject.beltId}` : `COMMENT:SITE:${subject.siteId}`);

/** The keyed hash a comment keeps of its phone: enough to count one phone's comments, useless to recover the number. */
export function hashCommentPhone(phone: string): string {
  return createHmac('sha256', authSecret()).update(`public-comment:${phone}`).digest('hex');
}

const NO_SUBJECT = '该示范点或示范带不存在、已摘牌或暂不公开，不能提出意见';

async function phoneQuotaLeft(client: TTx, phoneHash: string): Promise<boolean> {
  const count = await client.publicComment.count({ where: { phoneHash, createdAt: { gt: new Date(Date.now() - 24 * 3600 * 1000) } } });
  return count < COMMENTS_PER_PHONE_PER_DAY;
}

const PHONE_QUOTA_MESSAGE = `同一手机号每天最多提出 ${COMMENTS_PER_PHONE_PER_DAY} 条意见，请明天再来`;

/** Step one: a code to the phone, behind the captcha, for a belt or site that takes comments now. */
export async function requestCommentCode(input: TRequestCommentCodeInput, ip: string, sender?: TSmsSender) {
  const value = ZRequestCommentCode.parse(input);
  const subject = { beltId: value.beltId, siteId: value.siteId };
  const found = await commentSubject(subject);
  if (!found) throw new AppError('NOT_FOUND', NO_SUBJECT);
  // A phone at its daily limit gets no code it could not use.
  if (!(await phoneQuotaLeft(db, hashCommentPhone(value.phone)))) throw new AppError('QUOTA_EXCEEDED', PHONE_QUOTA_MESSAGE);
  return sendVerificationCode(
    {
      purpose: commentCodePurpose(subject),
      phone: value.phone,
      captchaId: value.captchaId,
      captchaAnswer: value.captchaAnswer,
      text: (code) => `【${env().SMS_SIGN_NAME}】您正在对“${found.name}”提出意见，验证码 ${code}，5 分钟内有效。如非本人操作请忽略。`,
    },
    ip,
    sender,
  );
}

/**
 * Step two: the comment, with the code. Limits are counted under advisory locks (phone hash, then IP: always this
 * order), so parallel submissions cannot pass them; the code is checked last and a wrong one stays counted (the
 * transaction commits, then the refusal is thrown).
 */
export async function submitComment(input: TSubmitCommentInput, { ip }: { ip?: string | null } = {}): Promise<{ id: string }> {
  const value = ZSubmitComment.parse(input);
  const subject = { beltId: value.beltId, siteId: value.siteId };
  const phoneHash = hashCommentPhone(value.phone);
  const address = ip ?? null;
  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`comment:phone:${phoneHash}`}))`;
    if (address) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`comment:ip:${address}`}))`;
    if (!(await commentSubjectIn(tx, subject))) throw new AppError('NOT_FOUND', NO_SUBJECT);
    if (!(await phoneQuotaLeft(tx, phoneHash))) throw new AppError('QUOTA_EXCEEDED', PHONE_QUOTA_MESSAGE);
    if (address) {
      const fromIp = await tx.publicComment.count({ where: { ip: address, createdAt: { gt: new Date(Date.now() - 24 * 3600 * 1000) } } });
      if (fromIp >= COMMENTS_PER_IP_PER_DAY) throw new AppError('QUOTA_EXCEEDED', '当前网络今天提交的意见过多，请明天再试');
    }
    const check = await checkVerificationCode(tx, { purpose: commentCodePurpose(subject), phone: value.phone, code: value.code });
    if (check !== 'OK') return { ok: false as const, refused: check };
    const comment = await tx.publicComment.create({
      data: { beltId: subject.beltId ?? null, siteId: subject.siteId ?? null, phoneHash, body: value.body, ip: address },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: null, ip: address }, { action: 'submit-public-comment', entityType: 'PublicComment', entityId: comment.id, after: { ...subject, length: value.body.length } });
    return { ok: true as const, id: comment.id };
  });
  if (!outcome.ok) refuseCodeCheck(outcome.refused);
  return { id: outcome.id };
}

/** commentSubject inside the transaction (same rule: an APPROVED belt or an ACTIVE site). */
async function commentSubjectIn(tx: TTx, subject: TSubject): Promise<boolean> {
  if (subject.beltId) return (await tx.demoBelt.count({ where: { id: subject.beltId, status: 'APPROVED' } })) > 0;
  return (await tx.demoSite.count({ where: { id: subject.siteId, status: 'ACTIVE' } })) > 0;
}

/**
 * The comment, if the actor may moderate it: ORG_ADMIN / COMMITTEE_ADMIN at the subject's organization or above,
 * read in the transaction. Outside that scope it is answered like a missing one.
 */
async function moderatable(tx: TTx, actorId: string | null, commentId: string) {
  const comment = await tx.publicComment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      status: true,
      beltId: true,
      siteId: true,
      belt: { select: { ownerOrg: { select: { path: true } } } },
      site: { select: { organization: { select: { path: true } } } },
    },
  });
  const path = comment?.belt?.ownerOrg.path ?? comment?.site?.organization.path;
  const grants = actorId
    ? await tx.roleAssignment.findMany({
        where: { userId: actorId, role: { in: MODERATOR_ROLES }, user: { isDisabled: false }, organization: { isActive: true } },
        select: { organization: { select: { path: true } } },
      })
    : [];
  if (!comment || !path || !grants.some((grant) => path.startsWith(grant.organization.path))) throw new AppError('NOT_FOUND', '找不到该意见，或您无权审核它');
  return comment;
}

const STATUS_WORDS: Record<CommentStatus, string> = { PENDING: '待审核', APPROVED: '已通过并公开显示', REJECTED: '已不予显示' };

/** Refuses a step whose conditional UPDATE found the comment no longer in the state it needs. */
async function refuseStale(tx: TTx, commentId: string, wanted: string): Promise<never> {
  const now = await tx.publicComment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true } });
  throw new AppError('CONFLICT', `该意见${STATUS_WORDS[now.status]}，${wanted}`);
}

type TContext = TAuditContext;

async function moderate(action: TAuditAction, commentId: string, context: TContext, step: (tx: TTx) => Promise<number>, wanted: string, after: Record<string, unknown>) {
  await db.$transaction(async (tx) => {
    await moderatable(tx, context.actorId, commentId);
    if ((await step(tx)) !== 1) await refuseStale(tx, commentId, wanted);
    await recordAudit(tx, context, { action, entityType: 'PublicComment', entityId: commentId, after });
  });
}

/** 审核通过: PENDING → APPROVED; the public page shows it at once. */
export async function approveComment(input: TApproveCommentInput, context: TContext) {
  const { commentId } = ZApproveComment.parse(input);
  await moderate(
    'approve-public-comment',
    commentId,
    context,
    (tx) => tx.publicComment.updateMany({ where: { id: commentId, status: 'PENDING' }, data: { status: 'APPROVED', moderatedAt: new Date(), moderatedById: context.actorId } }).then((r) => r.count),
    '不能再次审核',
    { status: 'APPROVED' },
  );
  revalidateDemo();
  return { status: 'APPROVED' as const };
}

/** 不予显示: PENDING → REJECTED with the reason (kept for staff; the public never sees the comment). */
export async function rejectComment(input: TRejectCommentInput, context: TContext) {
  const { commentId, reason } = ZRejectComment.parse(input);
  await moderate(
    'reject-public-comment',
    commentId,
    context,
    (tx) =>
      tx.publicComment
        .updateMany({ where: { id: commentId, status: 'PENDING' }, data: { status: 'REJECTED', moderatedAt: new Date(), moderatedById: context.actorId, rejectReason: reason } })
        .then((r) => r.count),
    '不能再次审核',
    { status: 'REJECTED', rejectReason: reason },
  );
  return { status: 'REJECTED' as const };
}

/** 回复: only an APPROVED comment; a later reply replaces the earlier one (both stay in the audit log). */
export async function replyComment(input: TReplyCommentInput, context: TContext) {
  const { commentId, reply } = ZReplyComment.parse(input);
  await moderate(
    'reply-public-comment',
    commentId,
    context,
    (tx) => tx.publicComment.updateMany({ where: { id: commentId, status: 'APPROVED' }, data: { reply, repliedAt: new Date(), repliedById: context.actorId } }).then((r) => r.count),
    '只能回复已通过审核的意见',
    { reply },
  );
  revalidateDemo();
  return { status: 'APPROVED' as const };
}
