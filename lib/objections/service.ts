// 异议: filed by the public during the 公示 with a verified phone, handled by the organizer's staff through
// 受理 → 调查 → 答复 (or 不予受理). Every operation is one transaction with its audit record inside; staff steps lock
// the objection row, so two people answering at once cannot both succeed.
import { randomInt } from 'node:crypto';
import { db, type TTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { UNCLAIMED } from '@/lib/files/claim';
import type { TAuditAction } from '@/lib/audit/labels';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { inspectUpload } from '@/lib/files/check';
import { storeUpload } from '@/lib/files/service';
import type { TFileStorage } from '@/lib/files/storage';
import type { ObjectionStatus, ObjectionStep } from '@/lib/generated/prisma/enums';
import { queueSms } from '@/lib/jobs/sms-outbox';
import { notifyEntryBranch } from '@/lib/notifications/entry-notices';
import {
  MAX_OBJECTION_FILES,
  MAX_OBJECTIONS_PER_PHONE,
  OBJECTION_FILES_MAX_BYTES,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  ZAcceptObjection,
  ZAnswerObjection,
  ZDeclineObjection,
  ZFileObjection,
  ZInvestigateObjection,
  ZNoteObjection,
  ZRequestObjectionCode,
  type TAcceptObjectionInput,
  type TAnswerObjectionInput,
  type TDeclineObjectionInput,
  type TFileObjectionInput,
  type TInvestigateObjectionInput,
  type TNoteObjectionInput,
  type TRequestObjectionCodeInput,
} from '@/lib/objections/schema';
import { OBJECTION_STATUS_LABELS, isObjectionOpen } from '@/lib/objections/status';
import type { TSmsSender } from '@/lib/sms/sender';
import { checkVerificationCode, refuseCodeCheck, sendVerificationCode } from '@/lib/sms/verification-code';

export const objectionCodePurpose = (campaignId: string) => `OBJECTION:${campaignId}`;

/**
 * The 公示 in force (its latest version: objections bind to it), which must be open now by database time in a running
 * campaign: its period is the campaign's 公示 stage (lib/campaign/lifecycle 'raise-objection'). Once the 表彰决定 is
 * out the 公示 is over, even if its stage were moved later.
 */
async function openPublicity(client: TTx, campaignId: string) {
  const publicity = await client.publicity.findFirst({
    where: { campaignId, campaign: { status: { not: 'DRAFT' } } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, decisionId: true, campaign: { select: { title: true, announcement: { select: { id: true } } } } },
  });
  if (!publicity) throw new AppError('NOT_FOUND', '本活动没有公示');
  await requireOperation(client, campaignId, 'raise-objection');
  if (publicity.campaign.announcement) throw new AppError('STAGE_LOCKED', '表彰决定已经发布，公示已结束，不能再提出异议');
  return { id: publicity.id, version: publicity.version, decisionId: publicity.decisionId, title: publicity.campaign.title };
}

/** 提出异议, step one: a code to the phone, behind a captcha, only while the 公示 is open. */
export async function requestObjectionCode(input: TRequestObjectionCodeInput, ip: string, sender?: TSmsSender) {
  const { campaignId, phone, captchaId, captchaAnswer } = ZRequestObjectionCode.parse(input);
  const publicity = await openPublicity(db, campaignId);
  return sendVerificationCode(
    {
      purpose: objectionCodePurpose(campaignId),
      phone,
      captchaId,
      captchaAnswer,
      text: (code) => `【${env().SMS_SIGN_NAME}】您正在对“${publicity.title}”公示提出异议，验证码 ${code}，5 分钟内有效。如非本人操作请忽略。`,
    },
    ip,
    sender,
  );
}

export type TObjectionAttachment = { bytes: Buffer; fileName: string };

function newTrackingCode(): string {
  return Array.from({ length: TRACKING_CODE_LENGTH }, () => TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)]).join('');
}

const ATTACHMENTS = 'attachments';

function refuseAttachments(message: string): never {
  throw new AppError('INVALID_INPUT', message, { [ATTACHMENTS]: message });
}

/** How many and how large: known without reading a byte. */
function checkAttachmentSizes(files: TObjectionAttachment[]) {
  if (files.length > MAX_OBJECTION_FILES) refuseAttachments(`最多上传 ${MAX_OBJECTION_FILES} 个附件`);
  if (files.reduce((sum, file) => sum + file.bytes.length, 0) > OBJECTION_FILES_MAX_BYTES) refuseAttachments('附件合计不能超过 5 MB');
}

/** What the files are: decoded and inspected (images, PDF streams), the expensive part of a filing. */
async function inspectAttachments(files: TObjectionAttachment[]) {
  for (const file of files) {
    const inspection = await inspectUpload({ ...file, slot: 'DOCUMENT' });
    if (!inspection.ok) refuseAttachments(`${file.fileName.slice(0, 60)}：${inspection.message}`);
  }
}

type TFiling = ReturnType<typeof ZFileObjection.parse>;

/**
 * Whether the filing may go in, cheapest first: the 公示 is open, the entry is in it, the phone has filings left, the
 * SMS code is right. A wrong code counts an attempt; a right one is spent only when `spend` (the final check).
 */
async function admitFiling(tx: TTx, value: TFiling, spend: boolean) {
  const publicity = await openPublicity(tx, value.campaignId);
  const item = await tx.decisionItem.findFirst({
    where: { decisionId: publicity.decisionId, applicationId: value.applicationId, awards: { some: { isDecided: true } } },
    select: { application: { select: { brandName: true } } },
  });
  if (!item) throw new AppError('INVALID_INPUT', '该品牌不在公示名单中', { applicationId: '请从公示名单中选择异议对象' });
  // The limit is per 公示 version: a correction 公示 is a new list the public may object to.
  const filed = await tx.objection.count({ where: { publicityId: publicity.id, phone: value.phone } });
  if (filed >= MAX_OBJECTIONS_PER_PHONE) {
    throw new AppError('QUOTA_EXCEEDED', `同一手机号对本次公示最多提出 ${MAX_OBJECTIONS_PER_PHONE} 件异议`);
  }
  const check = await checkVerificationCode(tx, { purpose: objectionCodePurpose(value.campaignId), phone: value.phone, code: value.code }, { spend });
  return { check, brandName: item.application.brandName, publicity };
}

/**
 * 提出异议, step two: the verified phone files a real-name objection to one entry of the open 公示, with up to three
 * attachments (the declaration's upload rules). Returns the 查询码 the objector follows it with.
 *
 * Cheap checks come first: the form, the number and size of the files, then period, entry, per-phone limit and code
 * (a few queries). Only a filing that passes them has its attachments decoded; a bad attachment then leaves the code
 * unspent for a corrected try.
 */
export async function fileObjection(input: TFileObjectionInput, files: TObjectionAttachment[] = [], context: { ip?: string | null; storage?: TFileStorage } = {}) {
  const value = ZFileObjection.parse(input);
  checkAttachmentSizes(files);
  // Returned, not thrown: a wrong try stays counted when this transaction commits.
  const precheck = await db.$transaction((tx) => admitFiling(tx, value, false));
  if (precheck.check !== 'OK') refuseCodeCheck(precheck.check);
  await inspectAttachments(files);
  const outcome = await db.$transaction(
    async (tx) => {
      // One phone's filings queue here, so the per-phone count is exact.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`objection:${value.campaignId}:${value.phone}`}))`;
      const { check, brandName, publicity } = await admitFiling(tx, value, true);
      if (check !== 'OK') return check;

      const objection = await tx.objection.create({
        data: {
          campaignId: value.campaignId,
          applicationId: value.applicationId,
          publicityId: publicity.id,
          trackingCode: newTrackingCode(),
          name: value.name,
          phone: value.phone,
          contact: value.contact,
          facts: value.facts,
          ip: context.ip ?? null,
        },
        select: { id: true, trackingCode: true, createdAt: true },
      });
      const event = await tx.objectionEvent.create({ data: { objectionId: objection.id, step: 'FILED' }, select: { id: true } });
      const fileIds: string[] = [];
      for (const file of files) {
        const stored = await storeUpload({ ...file, slot: 'DOCUMENT' }, { actorId: null, ip: context.ip, tx, storage: context.storage });
        fileIds.push(stored.id);
      }
      if (fileIds.length) await tx.objectionFile.createMany({ data: fileIds.map((fileId) => ({ objectionId: objection.id, eventId: event.id, fileId })) });
      await recordAudit(tx, { actorId: null, ip: context.ip }, {
        action: 'file-objection',
        entityType: 'Objection',
        entityId: objection.id,
        after: { campaignId: value.campaignId, publicityVersion: publicity.version, applicationId: value.applicationId, brandName, name: value.name, phone: value.phone, fileIds },
      });
      return { objectionId: objection.id, trackingCode: objection.trackingCode, campaignId: value.campaignId, createdAt: objection.createdAt };
    },
    // Attachments are re-encoded inside (sharp); the default 5 s is too short for three large photos on a busy machine.
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (typeof outcome === 'string') refuseCodeCheck(outcome);
  return outcome;
}

type TStaffContext = TAuditContext & { actorId: string };

/**
 * Locks the objection, checks the actor is ORG_ADMIN over the campaign's owner and that the campaign still runs
 * ('handle-objection': refused once it is finished or cancelled), inside the transaction.
 */
async function lockObjection(tx: TTx, objectionId: string, actorId: string) {
  await tx.$queryRaw`SELECT id FROM objections WHERE id = ${objectionId} FOR UPDATE`;
  const objection = await tx.objection.findUnique({
    where: { id: objectionId },
    select: {
      id: true,
      status: true,
      campaignId: true,
      applicationId: true,
      trackingCode: true,
      phone: true,
      campaign: { select: { title: true, ownerOrg: { select: { path: true } } } },
    },
  });
  if (!objection) throw new AppError('NOT_FOUND', '异议不存在');
  await assertCampaignAdmin(tx, actorId, objection.campaign.ownerOrg.path);
  await requireOperation(tx, objection.campaignId, 'handle-objection');
  return objection;
}

function assertTransition(status: ObjectionStatus, allowed: readonly ObjectionStatus[], doing: string) {
  if (allowed.includes(status)) return;
  if (!isObjectionOpen(status)) throw new AppError('CONFLICT', `该异议已办结（${OBJECTION_STATUS_LABELS[status]}），不能再${doing}`);
  throw new AppError('CONFLICT', `该异议当前为“${OBJECTION_STATUS_LABELS[status]}”，不能${doing}`);
}

/** Staff files for a step: uploaded by the actor through /api/files and not yet attached to anything. */
async function attachFiles(tx: TTx, objectionId: string, eventId: string, fileIds: string[], actorId: string) {
  const unique = [...new Set(fileIds)];
  if (!unique.length) return;
  const usable = await tx.storedFile.count({
    where: {
      id: { in: unique },
      uploadedById: actorId,
      ...UNCLAIMED,
    },
  });
  if (usable !== unique.length) throw new AppError('INVALID_INPUT', '附件无效或已被使用，请重新上传', { fileIds: '附件无效，请重新上传' });
  await tx.objectionFile.createMany({ data: unique.map((fileId) => ({ objectionId, eventId, fileId })) });
}

type TStep = {
  objectionId: string;
  step: ObjectionStep;
  from: readonly ObjectionStatus[];
  doing: string;
  /** The new status; unchanged for a 工作记录. */
  to?: ObjectionStatus;
  note: string;
  fileIds?: string[];
  closing?: { outcome: 'UPHELD' | 'DISMISSED' | null; answer: string };
  audit: Extract<TAuditAction, `${string}-objection`>;
};

/** One handling step: lock, authorize, check the transition, write the event (with files), the new state and the audit. */
async function handleStep(step: TStep, context: TStaffContext) {
  return db.$transaction(async (tx) => {
    const objection = await lockObjection(tx, step.objectionId, context.actorId);
    assertTransition(objection.status, step.from, step.doing);
    const event = await tx.objectionEvent.create({ data: { objectionId: objection.id, step: step.step, note: step.note, actorId: context.actorId }, select: { id: true, createdAt: true } });
    await attachFiles(tx, objection.id, event.id, step.fileIds ?? [], context.actorId);
    const status = step.to ?? objection.status;
    await tx.objection.update({
      where: { id: objection.id },
      data: { status, ...(step.closing ? { outcome: step.closing.outcome, answer: step.closing.answer, answeredAt: event.createdAt } : {}) },
    });
    await recordAudit(tx, context, {
      action: step.audit,
      entityType: 'Objection',
      entityId: objection.id,
      before: { status: objection.status },
      after: { status, note: step.note, fileIds: step.fileIds ?? [], ...(step.closing ?? {}) },
    });
    if (step.closing) await tellClosing(tx, objection, step.closing.outcome);
    return { objectionId: objection.id, campaignId: objection.campaignId, trackingCode: objection.trackingCode, status };
  });
}

const CLOSING_TEXT = { UPHELD: '异议成立', DISMISSED: '异议不成立', DECLINED: '不予受理' } as const;

/**
 * An objection closed: the objector is texted its 查询码 (the answer itself is read on the 异议进度 page), and the
 * entry's branch learns the outcome in its inbox, without the objector's name or the answer. Both in the step's
 * transaction, so a refused step tells no one.
 */
async function tellClosing(
  tx: TTx,
  objection: { id: string; applicationId: string; trackingCode: string; phone: string; campaign: { title: string } },
  outcome: 'UPHELD' | 'DISMISSED' | null,
) {
  const base = (env().NEXTAUTH_URL ?? '').replace(/\/+$/, '');
  if (objection.phone) {
    await queueSms(tx, {
      phone: objection.phone,
      text: `【${objection.campaign.title}】您提出的异议已办结，查询码 ${objection.trackingCode}，请在${base ? ` ${base}/objections ` : '评选活动的“异议进度查询”页'}凭查询码查看答复。`,
      params: { campaign: objection.campaign.title, code: objection.trackingCode },
      dedupeKey: `OBJECTION_CLOSED:${objection.id}`,
    });
  }
  const result = CLOSING_TEXT[outcome ?? 'DECLINED'];
  await notifyEntryBranch(tx, objection.applicationId, { kind: 'OBJECTION_CLOSED', title: `「{brand}」的公示异议已办结：${result}` });
}

const OPEN: readonly ObjectionStatus[] = ['RECEIVED', 'ACCEPTED', 'INVESTIGATING'];

/** 受理. */
export async function acceptObjection(input: TAcceptObjectionInput, context: TStaffContext) {
  const value = ZAcceptObjection.parse(input);
  return handleStep({ objectionId: value.objectionId, step: 'ACCEPTED', from: ['RECEIVED'], to: 'ACCEPTED', doing: '受理', note: value.note, audit: 'accept-objection' }, context);
}

/** 调查: the investigation starts, with what is planned. */
export async function investigateObjection(input: TInvestigateObjectionInput, context: TStaffContext) {
  const value = ZInvestigateObjection.parse(input);
  return handleStep(
    { objectionId: value.objectionId, step: 'INVESTIGATING', from: ['ACCEPTED'], to: 'INVESTIGATING', doing: '开始调查', note: value.note, fileIds: value.fileIds, audit: 'investigate-objection' },
    context,
  );
}

/** 工作记录: a note with working papers, at any open step. */
export async function noteObjection(input: TNoteObjectionInput, context: TStaffContext) {
  const value = ZNoteObjection.parse(input);
  return handleStep({ objectionId: value.objectionId, step: 'NOTE', from: OPEN, doing: '添加工作记录', note: value.note, fileIds: value.fileIds, audit: 'note-objection' }, context);
}

/** 答复: closes the objection with its outcome; an upheld one keeps the entry out of the 表彰决定. */
export async function answerObjection(input: TAnswerObjectionInput, context: TStaffContext) {
  const value = ZAnswerObjection.parse(input);
  return handleStep(
    {
      objectionId: value.objectionId,
      step: 'ANSWERED',
      from: ['ACCEPTED', 'INVESTIGATING'],
      to: 'ANSWERED',
      doing: '答复',
      note: value.answer,
      closing: { outcome: value.outcome, answer: value.answer },
      audit: 'answer-objection',
    },
    context,
  );
}

/** 不予受理: closes the objection; the reason is the answer the objector reads. */
export async function declineObjection(input: TDeclineObjectionInput, context: TStaffContext) {
  const value = ZDeclineObjection.parse(input);
  return handleStep(
    {
      objectionId: value.objectionId,
      step: 'DECLINED',
      from: ['RECEIVED', 'ACCEPTED'],
      to: 'DECLINED',
      doing: '不予受理',
      note: value.reason,
      closing: { outcome: null, answer: value.reason },
      audit: 'decline-objection',
    },
    context,
  );
}
