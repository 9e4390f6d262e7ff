// 验收认定 writes: each step one transaction with its audit row. The cultivation row is locked FOR UPDATE first, so two
// parallel requests of one brand queue up and the second meets the first (the partial unique index
// acceptance_requests_one_open_idx is the last line of defence).
import { db, dbNow } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { UNCLAIMED } from '@/lib/files/claim';
import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { usersAt, usersCovering } from '@/lib/notifications/recipients';
import { notify } from '@/lib/notifications/service';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { RUBRIC_TEMPLATES } from '@/lib/campaign/templates';
import { grantsRoleAt } from '@/lib/auth/scope';
import { CONFLICT_LABELS, treeConflict } from '@/lib/review/conflicts';
import { assertBranchOf, assertOrganizerOf, lockCultivation, lockRequest } from '@/lib/acceptance/access';
import { hasApprovedPlan, ledgerSummary } from '@/lib/acceptance/hooks';
import { assertStep, deadlineRefusal, recognitionNo, requestRefusal, shanghaiDay } from '@/lib/acceptance/rules';
import {
  ZAcceptanceSheet,
  ZDecideAcceptance,
  ZFormAcceptanceGroup,
  ZRequestAcceptance,
  type TAcceptanceSheetInput,
  type TCriterion,
  type TDecideAcceptanceInput,
  type TFormAcceptanceGroupInput,
  type TRequestAcceptanceInput,
} from '@/lib/acceptance/schema';

type TContext = TAuditContext & { actorId: string };

/** The default rubric of an acceptance group: the seed's 五词 精准/鲜明/创新/深刻/实效. */
export const DEFAULT_ACCEPTANCE_CRITERIA: TCriterion[] = RUBRIC_TEMPLATES.FIVE_WORDS.criteria.map(({ name, maxPoints }) => ({ name, maxPoints }));

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** 申请验收 by the brand's branch: the three parts, evidence files, the 台帐 summary attached; the brand enters 验收中. */
export async function requestAcceptance(input: TRequestAcceptanceInput, context: TContext) {
  const value = ZRequestAcceptance.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const cultivation = await lockCultivation(tx, value.cultivationId);
      await assertBranchOf(tx, context.actorId, cultivation.brand.organization.path);
      const life = await requireOperation(tx, cultivation.campaignId, 'request-acceptance');
      const late = deadlineRefusal(cultivation.campaign.acceptanceRequestDeadline, life.now);
      if (late) throw new AppError('STAGE_LOCKED', late);
      const refusal = requestRefusal(cultivation.status);
      if (refusal) throw new AppError('CONFLICT', refusal);
      if (!(await hasApprovedPlan(tx, cultivation.id))) throw new AppError('CONFLICT', '创建方案尚未经党(工)委审核通过，不能申请验收');

      // Only fresh uploads: a file already shown elsewhere (a 台帐 photo …) cannot become evidence too.
      const files = await tx.storedFile.findMany({ where: { id: { in: value.evidenceFileIds }, ...UNCLAIMED }, select: { id: true, uploadedById: true } });
      for (const fileId of value.evidenceFileIds) {
        const file = files.find((candidate) => candidate.id === fileId);
        if (!file || file.uploadedById !== context.actorId) throw new AppError('NOT_FOUND', '证明材料不存在或不是您上传的，请重新上传');
      }
      const ledger = await ledgerSummary(tx, cultivation.id);
      const last = await tx.acceptanceRequest.aggregate({ where: { cultivationId: cultivation.id }, _max: { round: true } });
      const request = await tx.acceptanceRequest.create({
        data: {
          cultivationId: cultivation.id,
          round: (last._max.round ?? 0) + 1,
          background: value.background,
          measures: value.measures,
          results: value.results,
          ledgerMonths: ledger.monthsReported,
          ledgerEntries: ledger.entries,
          requestedById: context.actorId,
          requestedAt: life.now,
          evidence: { create: value.evidenceFileIds.map((fileId, index) => ({ fileId, sortOrder: index })) },
        },
        select: { id: true, round: true },
      });
      await tx.cultivation.update({ where: { id: cultivation.id }, data: { status: 'ACCEPTANCE' } });
      await recordAudit(tx, context, {
        action: 'request-acceptance',
        entityType: 'AcceptanceRequest',
        entityId: request.id,
        after: { brandName: cultivation.brand.name, round: request.round, ledgerMonths: ledger.monthsReported, ledgerEntries: ledger.entries, evidenceFileIds: value.evidenceFileIds },
      });
      await notify(tx, await usersAt(tx, ['ORG_ADMIN'], cultivation.campaign.ownerOrgId), {
        kind: 'ACCEPTANCE_REQUESTED',
        title: `${cultivation.brand.organization.name}申请验收“${cultivation.brand.name}”${request.round > 1 ? `（第${request.round}次）` : ''}`,
        body: `「${cultivation.campaign.title}」成熟一个、验收一个：请组成验收组。`,
        link: `/acceptance/requests/${request.id}`,
        campaignId: cultivation.campaignId,
      });
      return request;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', '该品牌已有验收申请正在办理，办结后才能再次申请');
    throw error;
  }
}

/** Experts the organizer may put in an acceptance group: EXPERT grants inside the organizer's ORG_ADMIN scope. */
async function loadGroupCandidates(tx: Prisma.TransactionClient, expertIds: string[]) {
  return tx.user.findMany({
    where: { id: { in: expertIds }, isDisabled: false },
    select: {
      id: true,
      displayName: true,
      roleAssignments: { where: { role: 'EXPERT' }, select: { organization: { select: { path: true } } } },
      expertProfile: { select: { homeOrganization: { select: { path: true } } } },
    },
  });
}

/**
 * 组成验收组 for one request (in any order: "成熟一个、验收一个"): experts of the organizer's 专家库, none from the requesting
 * organization's line (回避 by the org tree, lib/review/conflicts), the 五词 rubric fixed on the request.
 */
export async function formAcceptanceGroup(input: TFormAcceptanceGroupInput, context: TContext) {
  const value = ZFormAcceptanceGroup.parse(input);
  return db.$transaction(async (tx) => {
    const { request, cultivation } = await lockRequest(tx, value.requestId);
    const grants = await assertOrganizerOf(tx, context.actorId, cultivation.campaign.ownerOrg.path);
    const life = await requireOperation(tx, cultivation.campaignId, 'review-acceptance');
    assertStep('group', request.status);
    const experts = await loadGroupCandidates(tx, value.expertIds);
    for (const expertId of value.expertIds) {
      const expert = experts.find((candidate) => candidate.id === expertId);
      const managed = expert?.roleAssignments.some((grant) => grantsRoleAt(grants, ['ORG_ADMIN'], grant.organization.path));
      if (!expert || !managed) throw new AppError('INVALID_INPUT', '验收专家须是您专家库中的在用专家', { expertIds: '验收专家须是您专家库中的在用专家' });
      const conflict = treeConflict(expert.expertProfile?.homeOrganization?.path ?? null, cultivation.brand.organization.path, cultivation.campaign.ownerOrgId);
      if (conflict) throw new AppError('CONFLICT', `${expert.displayName}须回避：${CONFLICT_LABELS[conflict]}`, { expertIds: `${expert.displayName}须回避` });
    }
    await tx.acceptanceExpert.createMany({ data: value.expertIds.map((expertId) => ({ requestId: request.id, expertId })) });
    await tx.acceptanceRequest.update({
      where: { id: request.id },
      data: { status: 'REVIEWING', groupFormedAt: life.now, criteria: DEFAULT_ACCEPTANCE_CRITERIA },
    });
    await recordAudit(tx, context, {
      action: 'form-acceptance-group',
      entityType: 'AcceptanceRequest',
      entityId: request.id,
      after: { expertIds: value.expertIds, criteria: DEFAULT_ACCEPTANCE_CRITERIA.map((criterion) => criterion.name) },
    });
    await notify(tx, value.expertIds, {
      kind: 'ACCEPTANCE_ASSIGNED',
      title: `请参加“${cultivation.brand.name}”的验收`,
      body: `「${cultivation.campaign.title}」${cultivation.brand.organization.name}：请阅读成果报告和台帐，按验收标准评分并提交。`,
      link: `/acceptance/requests/${request.id}`,
      campaignId: cultivation.campaignId,
    });
    return { requestId: request.id };
  });
}

/** An expert's acceptance sheet: only their own, only while the request is under review; submitting locks it. */
export async function saveAcceptanceSheet(input: TAcceptanceSheetInput, context: TContext) {
  const value = ZAcceptanceSheet.parse(input);
  return db.$transaction(async (tx) => {
    const { request, cultivation } = await lockRequest(tx, value.requestId);
    const sheet = request.experts.find((expert) => expert.expertId === context.actorId);
    if (!sheet) throw new AppError('FORBIDDEN', '您不在该验收申请的验收组中');
    await requireOperation(tx, cultivation.campaignId, 'review-acceptance');
    assertStep('score', request.status);
    if (sheet.submittedAt) throw new AppError('CONFLICT', '验收评分已提交，不能再修改');
    const criteria = request.criteria as TCriterion[];
    if (value.scores.length !== criteria.length) throw new AppError('INVALID_INPUT', '评分项与验收标准不符，请刷新页面');
    value.scores.forEach((points, index) => {
      const criterion = criteria[index]!;
      if (points !== null && points > criterion.maxPoints) throw new AppError('INVALID_INPUT', `“${criterion.name}”不能超过 ${criterion.maxPoints} 分`);
    });
    if (value.submit && value.scores.some((points) => points === null)) throw new AppError('INVALID_INPUT', '请给每一项评分后再提交');
    const now = await dbNow(tx);
    await tx.acceptanceExpert.update({
      where: { requestId_expertId: { requestId: request.id, expertId: context.actorId } },
      data: { scores: value.scores.map((points) => points ?? 0), comment: value.comment, submittedAt: value.submit ? now : null },
    });
    await recordAudit(tx, context, {
      action: value.submit ? 'submit-acceptance-sheet' : 'save-acceptance-sheet',
      entityType: 'AcceptanceRequest',
      entityId: request.id,
      after: { scores: value.scores, comment: value.comment },
    });
    return { submitted: value.submit };
  });
}

/**
 * 验收结论 by the organizer once every member has submitted: 通过 → 认定 (recognition number from recognition_no_seq,
 * the cultivation RECOGNISED); 不通过 → written findings, the cultivation back to 培育创建, free to request again.
 */
export async function decideAcceptance(input: TDecideAcceptanceInput, context: TContext) {
  const value = ZDecideAcceptance.parse(input);
  return db.$transaction(async (tx) => {
    const { request, cultivation } = await lockRequest(tx, value.requestId);
    await assertOrganizerOf(tx, context.actorId, cultivation.campaign.ownerOrg.path);
    const life = await requireOperation(tx, cultivation.campaignId, 'review-acceptance');
    assertStep('decide', request.status);
    if (request.experts.some((expert) => !expert.submittedAt)) throw new AppError('CONFLICT', '验收组还有专家未提交评分，全部提交后才能作出验收结论');
    const passed = value.outcome === 'PASS';
    await tx.acceptanceRequest.update({
      where: { id: request.id },
      data: { status: passed ? 'PASSED' : 'FAILED', findings: value.findings, onsiteNote: value.onsiteNote, decidedAt: life.now, decidedById: context.actorId },
    });
    let number: string | null = null;
    if (passed) {
      const [{ serial }] = await tx.$queryRaw<{ serial: bigint }[]>`SELECT nextval('recognition_no_seq') AS serial`;
      const day = shanghaiDay(life.now);
      number = recognitionNo(Number(day.slice(0, 4)), serial);
      await tx.recognition.create({
        data: {
          cultivationId: cultivation.id,
          requestId: request.id,
          recognitionNo: number,
          brandName: cultivation.brand.name,
          organizationName: cultivation.brand.organization.name,
          issuedOn: new Date(`${day}T00:00:00Z`),
        },
      });
      await tx.cultivation.update({ where: { id: cultivation.id }, data: { status: 'RECOGNISED', recognisedAt: life.now } });
    } else {
      await tx.cultivation.update({ where: { id: cultivation.id }, data: { status: 'CULTIVATING' } });
    }
    await recordAudit(tx, context, {
      action: passed ? 'pass-acceptance' : 'fail-acceptance',
      entityType: 'AcceptanceRequest',
      entityId: request.id,
      after: { brandName: cultivation.brand.name, round: request.round, findings: value.findings, onsiteNote: value.onsiteNote, recognitionNo: number },
    });
    await notify(tx, await usersCovering(tx, ['BRANCH_SECRETARY'], cultivation.brand.organization.path), {
      kind: passed ? 'ACCEPTANCE_PASSED' : 'ACCEPTANCE_FAILED',
      title: passed ? `“${cultivation.brand.name}”验收通过，予以认定` : `“${cultivation.brand.name}”验收未通过`,
      body: passed ? `认定编号 ${number}。` : `验收意见：${value.findings.trim().replace(/[。.]$/, '')}。请按意见继续创建，完善后可再次申请验收。`,
      link: `/acceptance/requests/${request.id}`,
      campaignId: cultivation.campaignId,
    });
    return { recognitionNo: number };
  });
}

