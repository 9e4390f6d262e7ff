// 实地核验: per entry, who goes and when, what they found, photos, pass or fail. A fail keeps the entry out of the awards.
// Recorded in the 实地核验 stage (lib/campaign/lifecycle 'record-onsite'), never once a 领导小组审定 is signed: the
// honours rest on the checks as they stood then.
import { z } from 'zod';
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { operationRefusal, type TRefusal } from '@/lib/campaign/lifecycle';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { UPLOADED_FILE_SELECT, uploadedFileOf } from '@/lib/files/service';
import { loadReviewCampaign, loadReviewEntries, type TReviewCampaign } from '@/lib/review/pool';

export const ONSITE_RESULT_LABELS = { PENDING: '待核验', PASSED: '核验通过', FAILED: '核验未通过' } as const;

export const ZOnsiteCheck = z
  .object({
    campaignId: z.string().min(1),
    applicationId: z.string().min(1),
    scheduledOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择核验日期').nullable(),
    inspectorIds: z.array(z.string().min(1)).max(10, '核验人员不超过 10 人'),
    findings: z.string().trim().max(2000, '核验情况不能超过 2000 字'),
    result: z.enum(['PENDING', 'PASSED', 'FAILED']),
    photoIds: z.array(z.string().min(1)).max(12, '照片不超过 12 张'),
  })
  .superRefine((value, ctx) => {
    if (value.result !== 'PENDING' && value.findings.length < 5) ctx.addIssue({ code: 'custom', message: '记录核验结果时请填写核验情况，至少 5 个字', path: ['findings'] });
    if (value.result !== 'PENDING' && !value.inspectorIds.length) ctx.addIssue({ code: 'custom', message: '请选择核验人员', path: ['inspectorIds'] });
  });

export type TOnsiteCheckInput = z.input<typeof ZOnsiteCheck>;

/** Staff who may be sent: ORG_ADMIN or COMMITTEE_ADMIN on the owner's path or inside its subtree. */
export async function loadInspectorOptions(campaign: Pick<TReviewCampaign, 'ownerOrg'>) {
  const ancestors = campaign.ownerOrg.path.split('/').filter(Boolean);
  return db.user.findMany({
    where: {
      isDisabled: false,
      roleAssignments: { some: { role: { in: ['ORG_ADMIN', 'COMMITTEE_ADMIN'] }, organization: { OR: [{ id: { in: ancestors } }, { path: { startsWith: campaign.ownerOrg.path } }] } } },
    },
    select: { id: true, displayName: true },
    orderBy: { displayName: 'asc' },
    take: 500,
  });
}

/** Every entry of the 品牌清单 with its check, for the 实地核验 list. */
export async function listOnsiteChecks(campaign: TReviewCampaign) {
  const entries = await loadReviewEntries(db, campaign.id);
  const checks = await db.onsiteCheck.findMany({
    where: { campaignId: campaign.id },
    select: { applicationId: true, scheduledOn: true, result: true, findings: true, recordedAt: true, inspectors: { select: { user: { select: { displayName: true } } } }, _count: { select: { photos: true } } },
  });
  const byEntry = new Map(checks.map((check) => [check.applicationId, check]));
  return entries.map((entry) => ({ id: entry.id, brandName: entry.brandName, organizationName: entry.organization.name, check: byEntry.get(entry.id) ?? null }));
}

export async function getOnsiteCheck(campaign: TReviewCampaign, applicationId: string) {
  const entry = (await loadReviewEntries(db, campaign.id)).find((candidate) => candidate.id === applicationId);
  if (!entry) return null;
  const check = await db.onsiteCheck.findUnique({
    where: { campaignId_applicationId: { campaignId: campaign.id, applicationId } },
    select: {
      scheduledOn: true,
      findings: true,
      result: true,
      recordedAt: true,
      inspectors: { select: { userId: true } },
      photos: { select: { file: { select: UPLOADED_FILE_SELECT } }, orderBy: { sortOrder: 'asc' } },
    },
  });
  return {
    entry: { id: entry.id, brandName: entry.brandName, organizationName: entry.organization.name },
    scheduledOn: check?.scheduledOn ? check.scheduledOn.toISOString().slice(0, 10) : null,
    findings: check?.findings ?? '',
    result: check?.result ?? 'PENDING',
    recordedAt: check?.recordedAt ?? null,
    inspectorIds: check?.inspectors.map((row) => row.userId) ?? [],
    photos: (check?.photos ?? []).map(({ file }) => uploadedFileOf(file)),
  };
}

/** Why the checks cannot change now, or null: a 审定 is signed, or the 实地核验 stage is not running (database time). */
export async function onsiteLock(tx: TTx, campaignId: string): Promise<TRefusal | null> {
  const signed = await tx.decision.findFirst({ where: { campaignId, kind: 'FINAL', signedAt: { not: null } }, select: { id: true } });
  if (signed) return { code: 'CONFLICT', message: '领导小组审定已经签署，实地核验结果不能再记录或修改' };
  return operationRefusal('record-onsite', await loadLifecycle(tx, campaignId));
}

/** The same, for the pages. */
export const loadOnsiteLock = (campaignId: string) => onsiteLock(db, campaignId);

/** Saves the check of one entry in one transaction with its audit row; photos must be the actor's uploads or already on it. */
export async function saveOnsiteCheck(input: TOnsiteCheckInput, context: TAuditContext & { actorId: string }) {
  const value = ZOnsiteCheck.parse(input);
  return db.$transaction(async (tx) => {
    const campaign = await loadReviewCampaign(tx, value.campaignId, await loadGrants(tx, context.actorId));
    const locked = await onsiteLock(tx, campaign.id);
    if (locked) throw new AppError(locked.code, locked.message);
    const entries = await loadReviewEntries(tx, campaign.id);
    if (!entries.some((entry) => entry.id === value.applicationId)) throw new AppError('NOT_FOUND', '该申报不在已发布的品牌清单中');
    const allowed = new Set((await loadInspectorOptions(campaign)).map((user) => user.id));
    if (value.inspectorIds.some((id) => !allowed.has(id))) throw new AppError('INVALID_INPUT', '核验人员须为主办单位或其下级党组织的工作人员', { inspectorIds: '核验人员须为主办单位或其下级党组织的工作人员' });
    await tx.$queryRaw`SELECT id FROM applications WHERE id = ${value.applicationId} FOR NO KEY UPDATE`;
    const before = await tx.onsiteCheck.findUnique({
      where: { campaignId_applicationId: { campaignId: campaign.id, applicationId: value.applicationId } },
      select: { id: true, result: true, findings: true, scheduledOn: true, photos: { select: { fileId: true } } },
    });
    const own = new Set(before?.photos.map((photo) => photo.fileId) ?? []);
    const files = await tx.storedFile.findMany({ where: { id: { in: value.photoIds } }, select: { id: true, kind: true, uploadedById: true } });
    for (const id of value.photoIds) {
      const file = files.find((candidate) => candidate.id === id);
      if (!file || (!own.has(id) && file.uploadedById !== context.actorId)) throw new AppError('NOT_FOUND', '照片不存在或不是您上传的，请重新上传');
      if (file.kind !== 'IMAGE') throw new AppError('INVALID_INPUT', '核验照片只能是图片');
    }
    const data = {
      scheduledOn: value.scheduledOn ? new Date(`${value.scheduledOn}T00:00:00Z`) : null,
      findings: value.findings,
      result: value.result,
      recordedAt: value.result === 'PENDING' ? null : await dbNow(tx),
    };
    const check = await tx.onsiteCheck.upsert({
      where: { campaignId_applicationId: { campaignId: campaign.id, applicationId: value.applicationId } },
      create: { campaignId: campaign.id, applicationId: value.applicationId, ...data },
      update: data,
      select: { id: true },
    });
    await tx.onsiteCheckInspector.deleteMany({ where: { checkId: check.id } });
    await tx.onsiteCheckInspector.createMany({ data: value.inspectorIds.map((userId) => ({ checkId: check.id, userId })) });
    await tx.onsiteCheckPhoto.deleteMany({ where: { checkId: check.id } });
    await tx.onsiteCheckPhoto.createMany({ data: value.photoIds.map((fileId, index) => ({ checkId: check.id, fileId, sortOrder: index })) });
    await recordAudit(tx, context, {
      action: 'record-onsite-check',
      entityType: 'Application',
      entityId: value.applicationId,
      before: before && { result: before.result, findings: before.findings, scheduledOn: before.scheduledOn },
      after: { result: value.result, findings: value.findings, scheduledOn: value.scheduledOn, inspectorIds: value.inspectorIds, photoIds: value.photoIds },
    });
    return { id: check.id, campaignId: campaign.id };
  });
}
