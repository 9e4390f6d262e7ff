import { db, dbNow, type TTx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OrgField } from '@/lib/generated/prisma/enums';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { fieldErrorsOf } from '@/lib/http/errors';
import { assertCanEdit, canEditApplication, canReturnApplication, loadGrants } from '@/lib/application/access';
import { brandNameBigrams } from '@/lib/application/bigrams';
import { APPLICATION_DETAIL_SELECT, valuesOf } from '@/lib/application/queries';
import { refreshSimilarNames } from '@/lib/application/similar-names';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import { actsFor, entryPosition, recommendingChain } from '@/lib/campaign/recommendation-chain';
import { declareOperationOf, formRulesOf, type TEditWindowEntry } from '@/lib/application/rules';
import { RETURN_STATE_SELECT, returnFactsOf } from '@/lib/application/return-state';
import { returnRefusal, type TReturnOrigin } from '@/lib/campaign/entry-operations';
import { loadLifecycle, requireOperation } from '@/lib/campaign/lifecycle-db';
import { brandForDeclaration } from '@/lib/brand/assign';
import { lastDeclarationOfBrand } from '@/lib/brand/queries';
import { parseDraft, submitSchema, type TDraftParse, ZReturnInput, ZSaveMeta, type TApplicationValues, type TReturnInput } from '@/lib/application/schema';
import { notifyEntryBranch } from '@/lib/notifications/entry-notices';

type TContext = TAuditContext & { tx?: TTx };

export const CONFLICT_MESSAGE = '该申报表已在其他窗口或设备上修改，请刷新后再编辑，以免覆盖较新的内容';

function inTransaction<T>(context: TContext, body: (tx: TTx) => Promise<T>): Promise<T> {
  return context.tx ? body(context.tx) : db.$transaction(body);
}

/** FOR NO KEY UPDATE: serialises edits of the row without blocking foreign keys that point at it (similar-name pairs). */
async function lockApplication(tx: TTx, applicationId: string) {
  await tx.$queryRaw`SELECT id FROM applications WHERE id = ${applicationId} FOR NO KEY UPDATE`;
  return tx.application.findUnique({ where: { id: applicationId }, select: { ...APPLICATION_DETAIL_SELECT, logoFileId: true } });
}

/** The branch fills in and submits only when the state machine allows it (a first declaration or a returned entry's revision). */
async function assertDeclarationOpen(tx: TTx, campaignId: string, entry: TEditWindowEntry = null) {
  await requireOperation(tx, campaignId, declareOperationOf(entry));
}

function assertEditableStatus(status: string) {
  if (status === 'SUBMITTED') throw new AppError('CONFLICT', '申报表已提交，不能再修改；如需修改，请联系上级党组织退回');
}

function columnsOf(values: TApplicationValues) {
  return {
    ...values,
    fieldId: values.fieldId || null,
    brandNameBigrams: brandNameBigrams(values.brandName),
    selfAssessment: values.selfAssessment as Prisma.InputJsonObject,
  };
}

/** The organization's application for the campaign, created on first visit; concurrent first visits share one row. */
export async function getOrCreateDraft(input: TStartInput, context: TContext): Promise<{ id: string }> {
  const existing = () => db.application.findUnique({ where: { campaignId_organizationId_slot: { campaignId: input.campaignId, organizationId: input.organizationId, slot: 1 } }, select: { id: true } });
  const create = (tx: TTx) => createDraft(tx, input, 'first', context);
  try {
    return await inTransaction(context, create);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await existing();
    if (!row) throw error;
    return row;
  }
}

/**
 * 再申报一个品牌: another application of the organization in the campaign, only when the campaign allows several
 * (allowMultipleApplications) and while 申报 is open. It takes the next free slot; the organization row is locked first,
 * so parallel requests number their drafts 2, 3 … instead of colliding. When the campaign allows one, the database
 * refuses any slot but 1 as well (trigger applications_one_per_organization).
 */
export async function createAnotherDraft(input: TStartInput, context: TContext): Promise<{ id: string }> {
  return inTransaction(context, (tx) => createDraft(tx, input, 'another', context));
}

/**
 * What a new draft takes from the organization record: the secretary's name and phone (the secretary is the contact
 * until the branch names another) and the campaign's 领域 covering the organization's field, when exactly one does.
 * Whatever the record lacks stays empty.
 */
function prefillFromOrganization(
  organization: { field: OrgField | null; secretaryName: string | null; secretaryPhone: string | null },
  fields: { id: string; orgFields: OrgField[] }[],
) {
  const secretaryName = organization.secretaryName?.trim() ?? '';
  const contactPhone = organization.secretaryPhone?.trim() ?? '';
  const matching = organization.field ? fields.filter((field) => field.orgFields.includes(organization.field!)) : [];
  return {
    secretaryName,
    contactName: contactPhone ? secretaryName : '',
    contactPhone,
    fieldId: matching.length === 1 ? matching[0].id : null,
  };
}

/** `brandId`: 从上次申报开始 — the draft belongs to that brand of the organization and starts from its last submitted text. */
type TStartInput = { campaignId: string; organizationId: string; brandId?: string };

async function createDraft(tx: TTx, { brandId, ...input }: TStartInput, which: 'first' | 'another', context: TContext): Promise<{ id: string }> {
  const [grants, organization, campaign] = await Promise.all([
    loadGrants(tx, context.actorId),
    tx.organization.findUnique({ where: { id: input.organizationId }, select: { path: true, isActive: true, field: true, secretaryName: true, secretaryPhone: true } }),
    tx.campaign.findUnique({
      where: { id: input.campaignId },
      select: { status: true, ownerOrgId: true, allowMultipleApplications: true, fields: { select: { id: true, name: true, orgFields: true } } },
    }),
  ]);
  if (!organization?.isActive || !canEditApplication(grants, { status: 'DRAFT', organization })) {
    throw new AppError('FORBIDDEN', '只有本支部的党组织书记可以填写申报表');
  }
  if (!campaign || campaign.status !== 'PUBLISHED' || !organization.path.split('/').includes(campaign.ownerOrgId)) {
    throw new AppError('NOT_FOUND', '评选活动不存在或本支部不在其范围内');
  }
  if (which === 'another' && !campaign.allowMultipleApplications) throw new AppError('CONFLICT', '本活动每个组织只能申报一个品牌');
  // One numbering of the organization's applications at a time (FOR NO KEY UPDATE: foreign keys to the row still pass).
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${input.organizationId} FOR NO KEY UPDATE`;
  const first = await tx.application.findUnique({ where: { campaignId_organizationId_slot: { ...input, slot: 1 } }, select: { id: true } });
  if (first && which === 'first') return first;
  await assertDeclarationOpen(tx, input.campaignId);
  const last = await tx.application.aggregate({ where: input, _max: { slot: true } });
  const slot = (last._max.slot ?? 0) + 1;
  const prefill = prefillFromOrganization(organization, campaign.fields);
  const carried = brandId ? await lastDeclarationOfBrand(tx, brandId, input.organizationId) : null;
  if (brandId && !carried) throw new AppError('NOT_FOUND', '该品牌不存在，或本支部还没有提交过它的申报');
  const fromBrand = carried
    ? {
        ...carried.texts,
        brandNameBigrams: brandNameBigrams(carried.texts.brandName),
        brandId,
        ...(campaign.fields.some((field) => field.name === carried.fieldName) && { fieldId: campaign.fields.find((field) => field.name === carried.fieldName)!.id }),
      }
    : {};
  const application = await tx.application.create({ data: { ...input, ...prefill, ...fromBrand, slot, createdById: context.actorId }, select: { id: true } });
  await recordAudit(tx, context, { action: 'create-application', entityType: 'Application', entityId: application.id, after: { ...input, ...prefill, ...(brandId && { brandId, brandName: carried?.texts.brandName }) } });
  return application;
}

/**
 * Saves a draft only if nobody saved since the `revision` the editor started from: a second tab or device
 * gets a conflict instead of silently overwriting newer text. Autosaves are not audited (only submissions are).
 */
export async function saveDraft(input: { applicationId: string; revision: number; values: unknown }, context: TContext) {
  const { applicationId, revision } = ZSaveMeta.parse(input);
  return inTransaction(context, async (tx) => {
    const [grants, application] = await Promise.all([
      loadGrants(tx, context.actorId),
      tx.application.findUnique({ where: { id: applicationId }, select: APPLICATION_DETAIL_SELECT }),
    ]);
    assertCanEdit(grants, application);
    assertEditableStatus(application.status);
    await assertDeclarationOpen(tx, application.campaign.id, application);
    const { values, fieldErrors } = parseDraft(formRulesOf(application.campaign), input.values);
    const { count } = await tx.application.updateMany({
      where: { id: applicationId, revision, status: { in: ['DRAFT', 'RETURNED'] } },
      data: { ...draftColumnsOf(values, valuesOf(application).selfAssessment), revision: { increment: 1 } },
    });
    if (count === 0) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    const saved = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { revision: true, updatedAt: true } });
    return { revision: saved.revision, savedAt: saved.updatedAt, fieldErrors };
  });
}

/** The columns of the fields that passed; a self-assessment that failed keeps its stored text. */
function draftColumnsOf(values: TDraftParse['values'], storedSelfAssessment: Record<string, string>) {
  const { selfAssessment, ...texts } = values;
  return {
    ...texts,
    ...(texts.fieldId !== undefined && { fieldId: texts.fieldId || null }),
    ...(texts.brandName !== undefined && { brandNameBigrams: brandNameBigrams(texts.brandName) }),
    ...(selfAssessment && { selfAssessment: { ...storedSelfAssessment, ...selfAssessment } as Prisma.InputJsonObject }),
  };
}

/** Validates everything, stores the text, and files version N+1 with the full snapshot — in one transaction. */
export async function submitApplication(input: { applicationId: string; revision: number; values: TApplicationValues }, context: TContext) {
  const { applicationId, revision } = ZSaveMeta.parse(input);
  return inTransaction(context, async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const application = await lockApplication(tx, applicationId);
    assertCanEdit(grants, application);
    assertEditableStatus(application.status);
    await assertDeclarationOpen(tx, application.campaign.id, application);
    if (application.revision !== revision) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    const parsed = submitSchema(formRulesOf(application.campaign)).safeParse(input.values);
    if (!parsed.success) throw new AppError('INVALID_INPUT', '申报表还有未填写或填写有误的内容，请检查标出的字段', fieldErrorsOf(parsed.error));
    const values: TApplicationValues = { ...parsed.data, selfAssessment: parsed.data.selfAssessment as Record<string, string> };
    const now = await dbNow(tx);
    // The declaration joins the organization's lasting brand (the one the draft started from, or the one of this name).
    const own = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { organizationId: true, brandId: true } });
    const brandId = await brandForDeclaration(tx, { organizationId: own.organizationId, brandName: values.brandName, startedFrom: own.brandId });
    const updated = await tx.application.update({
      where: { id: applicationId },
      data: { ...columnsOf(values), brandId, status: 'SUBMITTED', submittedAt: now, revision: { increment: 1 } },
      select: { revision: true, logoFileId: true, attachments: { select: { fileId: true, slot: true, caption: true, sortOrder: true, file: { select: { originalName: true } } }, orderBy: [{ slot: 'asc' }, { sortOrder: 'asc' }] } },
    });
    const last = await tx.applicationVersion.aggregate({ where: { applicationId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const snapshot = {
      ...values,
      fieldName: application.campaign.fields.find((field) => field.id === values.fieldId)?.name ?? '',
      organizationName: application.organization.name,
      criteria: application.campaign.rubric?.criteria.map(({ id, name }) => ({ id, name })) ?? [],
      logoFileId: updated.logoFileId,
      attachments: updated.attachments.map((attachment) => ({ fileId: attachment.fileId, slot: attachment.slot, caption: attachment.caption, sortOrder: attachment.sortOrder, name: attachment.file.originalName })),
    };
    const version = await tx.applicationVersion.create({
      data: { applicationId, number, snapshot: snapshot as Prisma.InputJsonObject, submittedById: context.actorId, submittedAt: now },
      select: { id: true, number: true },
    });
    await refreshSimilarNames(tx, applicationId);
    // A resubmission climbs the levels again from the bottom (a return already cleared these; this keeps it certain) —
    // unless 资格审查 sent it back: the committees' recommendations stand and it goes straight back to 资格审查.
    if (!(application.status === 'RETURNED' && application.returnedFrom === 'QUALIFICATION')) await tx.recommendation.deleteMany({ where: { applicationId } });
    await tx.qualification.deleteMany({ where: { applicationId } });
    await recordAudit(tx, context, {
      action: 'submit-application',
      entityType: 'Application',
      entityId: applicationId,
      before: { status: application.status, values: valuesOf(application) },
      after: { status: 'SUBMITTED', version: number },
    });
    return { versionNumber: version.number, revision: updated.revision };
  });
}

/**
 * 退回重新申报, inside the caller's transaction (the caller locks the row, checks the right and writes the audit);
 * refused, whoever asks, when the campaign no longer allows it (`returnRefusal`, the rule the pages ask too):
 * the branch may edit again and the reason is kept on the returned version. A return during 逐级推荐 starts the way up
 * over — its recommendations (freeing those quota places) and its 资格审查 are cleared; a return from 资格审查 keeps the
 * recommendations, so the revised entry comes straight back to 资格审查. Returns the returned version's number.
 */
export async function sendBackToBranch(
  tx: TTx,
  applicationId: string,
  reason: string,
  actorId: string | null,
  from: TReturnOrigin = 'RECOMMENDATION',
): Promise<number | undefined> {
  const entry = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { ...RETURN_STATE_SELECT, campaignId: true } });
  const life = await loadLifecycle(tx, entry.campaignId);
  const refusal = returnRefusal(life, returnFactsOf(entry), from);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const { now } = life;
  await tx.application.update({ where: { id: applicationId }, data: { status: 'RETURNED', returnReason: reason, returnedFrom: from, revision: { increment: 1 } } });
  const latest = await tx.applicationVersion.findFirst({ where: { applicationId }, orderBy: { number: 'desc' }, select: { id: true, number: true } });
  if (latest) await tx.applicationVersion.update({ where: { id: latest.id }, data: { returnedById: actorId, returnedAt: now, returnReason: reason } });
  if (from !== 'QUALIFICATION') await tx.recommendation.deleteMany({ where: { applicationId } });
  await tx.qualification.deleteMany({ where: { applicationId } });
  await notifyEntryBranch(tx, applicationId, {
    kind: 'ENTRY_RETURNED',
    title: from === 'QUALIFICATION' ? '「{brand}」资格审查未通过，已退回重新申报' : '「{brand}」被退回重新申报',
    body: `退回理由：${reason}`,
  });
  return latest?.number;
}

/**
 * The organization department (ORG_ADMIN over the entry) may return it at any point; a committee only while the entry
 * stands at its own level of the 逐级推荐 (once forwarded, the level above decides).
 */
async function assertReturnableBy(tx: TTx, grants: readonly TRoleGrant[], applicationId: string) {
  const entry = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      organization: { select: { path: true } },
      campaign: { select: { ownerOrgId: true, recommendingDepths: true } },
      recommendations: { select: { organizationId: true, decision: true } },
    },
  });
  if (grantsRoleAt(grants, ['ORG_ADMIN'], entry.organization.path)) return;
  const chain = recommendingChain(entry.organization.path, entry.campaign.ownerOrgId, entry.campaign.recommendingDepths);
  const position = entryPosition(chain, new Map(entry.recommendations.map((row) => [row.organizationId, row.decision])));
  const here = position.kind === 'QUALIFICATION' ? null : position.organizationId;
  if (!here || !actsFor(grants, here)) {
    throw new AppError('CONFLICT', '该申报已推荐到上级，只能由当前审核的上级党组织退回');
  }
}

/** Sends a submitted application back to the branch for 重新申报; the reason is kept on the returned version. */
export async function returnApplication(input: TReturnInput, context: TContext) {
  const { applicationId, reason } = ZReturnInput.parse(input);
  return inTransaction(context, async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const application = await lockApplication(tx, applicationId);
    if (!application || application.status === 'DRAFT' || !canReturnApplication(grants, application)) {
      throw new AppError('NOT_FOUND', '申报表不存在或您无权处理');
    }
    // The rule before the level check: a committee learns why nobody may return it now, not only that it may not.
    const state = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: RETURN_STATE_SELECT });
    const refusal = returnRefusal(await loadLifecycle(tx, application.campaign.id), returnFactsOf(state));
    if (refusal) throw new AppError(refusal.code, refusal.message);
    await assertReturnableBy(tx, grants, applicationId);
    const version = await sendBackToBranch(tx, applicationId, reason, context.actorId);
    await recordAudit(tx, context, { action: 'return-application', entityType: 'Application', entityId: applicationId, before: { status: 'SUBMITTED' }, after: { status: 'RETURNED', reason, version } });
    return { id: applicationId };
  });
}
