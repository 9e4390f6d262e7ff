// Who may call what: one row per server action and per route handler method, each naming the roles that are let
// through. Every other role must be refused (UNAUTHENTICATED / FORBIDDEN / NOT_FOUND, or 401/403/404 for a route) with
// the database unchanged; an allowed role may still be refused for its input or the campaign's stage, never for who
// it is. tests/e2e/authorization-matrix.spec.ts fails for an action or route of the build without a row here.
//
// Rows run in the order written: a row may depend on what an allowed call of an earlier row did (the draft is saved
// before it is submitted, the objection accepted before it is answered). Inputs aim at the records of
// authorization-world.ts; where an allowed call would change the shared demo data (an honor, an expert's profile, a
// demo account), the input is one the service refuses after authorizing (a duplicate code, a reason too short).
import { EMPTY_VALUES } from '@/lib/application/schema';
import { db } from '@/lib/db';
import { completeValues } from '../../support/declarations';
import { shanghaiDay } from '../../support/publicity';
import { sampleJpeg } from '../../support/upload-samples';
import type { TAuthorizationWorld } from './authorization-world';
import type { TFormArgument } from './server-actions';

export const MATRIX_ROLES = ['none', 'member', 'expert', 'secretary', 'committee', 'siblingCommittee', 'orgAdmin'] as const;
export type TMatrixRole = (typeof MATRIX_ROLES)[number];

/** The demo account of each role (README): the 东华街道党工委 subtree, its sibling 城关镇党委, the city's 组织部. */
export const ROLE_ACCOUNTS: Record<TMatrixRole, string | null> = {
  none: null,
  member: 'member02',
  expert: 'expert1',
  secretary: 'sec-xfl',
  committee: 'dh-admin',
  siblingCommittee: 'cg-admin',
  orgAdmin: 'admin',
};

const EVERYONE = MATRIX_ROLES;
const SIGNED_IN = MATRIX_ROLES.filter((role) => role !== 'none');
const ORG_ADMIN = ['orgAdmin'] as const;
const COMMITTEE = ['committee'] as const;
const SECRETARY = ['secretary'] as const;
const EXPERT = ['expert'] as const;

type TWorld = TAuthorizationWorld;
export type TActionRow = { allowed: readonly TMatrixRole[]; args: (world: TWorld) => unknown[] | TFormArgument | Promise<unknown[] | TFormArgument> };
export type TRouteRequest = { path: string; json?: unknown; multipart?: TFormArgument['form'] };
export type TRouteRow = { allowed: readonly TMatrixRole[]; request: (world: TWorld) => TRouteRequest | Promise<TRouteRequest> };

const revision = async (applicationId: string) => (await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { revision: true } })).revision;
const notAWorkbook = { file: { name: '导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('这不是 Excel 文件') } };
const PHONE = '13800138000';
const matrixPairing = (tag: string) => db.pairing.findFirstOrThrow({ where: { goals: `矩阵结对${tag}` }, select: { id: true } });

/** `lib/<domain>/<file>.ts#<export>` → row. */
export const ACTION_MATRIX: Record<string, TActionRow> = {
  'lib/account/actions.ts#changePasswordAction': {
    allowed: SIGNED_IN,
    args: () => [{ currentPassword: 'not-the-password', newPassword: 'Matrix-2026-pass', confirmPassword: 'Matrix-2026-pass' }],
  },
  // 通知: everyone signed in, on their own inbox only (another's notice is NOT_FOUND: tests/integration/notifications.test.ts).
  'lib/notifications/actions.ts#markNotificationsReadAction': { allowed: SIGNED_IN, args: () => [{ all: true }] },
  // The campaign's reminder SMS: its owner's organization department (no change: it is off already).
  'lib/notifications/actions.ts#setReminderSmsAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.declaration.campaignId, enabled: false }] },
  // 文书设置 (文号格式, 发文单位): the owner's organization department (no change: both stay at their defaults).
  'lib/documents/actions.ts#updateDocumentSettingsAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.declaration.campaignId, documentNumberPattern: '', documentIssuer: '' }] },

  // 申报: the branch's own secretary only; 催报 by the committee the branch stands under.
  'lib/application/actions.ts#startDraftAction': { allowed: SECRETARY, args: (w) => [{ campaignId: w.declaration.campaignId, organizationId: w.orgs.branch }] },
  'lib/application/actions.ts#saveDraftAction': {
    allowed: SECRETARY,
    args: async (w) => [{ applicationId: w.declaration.draftId, revision: await revision(w.declaration.draftId), values: { ...EMPTY_VALUES, brandName: `矩阵草稿${w.tag}` } }],
  },
  'lib/application/actions.ts#setApplicationFilesAction': {
    allowed: SECRETARY,
    args: (w) => [{ applicationId: w.declaration.draftId, logoFileId: null, photoIds: [], documentIds: [] }],
  },
  // 培育创建: the brand's own secretary keeps plan and 台帐; the committee above (and the 组织部) decide on the plan.
  'lib/cultivation/actions.ts#savePlanDraftAction': {
    allowed: SECRETARY,
    args: async (w) => [
      {
        cultivationId: w.cultivation.id,
        revision: (await db.cultivationPlan.findUniqueOrThrow({ where: { cultivationId: w.cultivation.id }, select: { revision: true } })).revision,
        goals: `矩阵创建目标${w.tag}`,
        measures: '矩阵主要措施',
        tasks: [{ title: '矩阵任务', dueOn: w.cultivation.day, responsible: '书记' }],
      },
    ],
  },
  'lib/cultivation/actions.ts#submitPlanAction': { allowed: SECRETARY, args: (w) => [{ cultivationId: w.cultivation.id }] },
  'lib/cultivation/actions.ts#decidePlanAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ cultivationId: w.cultivation.id, decision: 'return', reason: '矩阵退回理由' }],
  },
  // 示范带: the committee building it (the 党工委 over its owner org) and the 组织部 over the program; the sibling committee
  // learns nothing. 立项 decisions are the 组织部's alone.
  'lib/belt/actions.ts#createBeltAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ programId: w.belt.programId, ownerOrgId: w.orgs.committee, name: `矩阵新示范带${w.tag}` }] },
  'lib/belt/actions.ts#saveBeltAction': {
    allowed: ['committee', 'orgAdmin'],
    args: async (w) => [
      {
        beltId: w.belt.id,
        revision: (await db.demoBelt.findUniqueOrThrow({ where: { id: w.belt.id }, select: { updatedAt: true } })).updatedAt.toISOString(),
        name: `矩阵示范带-${w.tag}`,
        factors: { 党建基础: '矩阵党建基础' },
        plan: [{ year: 2026, milestones: '矩阵节点', done: false }],
      },
    ],
  },
  'lib/belt/actions.ts#addBeltSiteAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ beltId: w.belt.id, siteId: w.belt.extraSiteId }] },
  'lib/belt/actions.ts#moveBeltSiteAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ beltId: w.belt.id, siteId: w.belt.firstSiteId, direction: 'down' }] },
  'lib/belt/actions.ts#removeBeltSiteAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ beltId: w.belt.id, siteId: w.belt.extraSiteId }] },
  // Short of its three sites: let through, then refused for the minimum (还差 1 个示范点).
  'lib/belt/actions.ts#submitBeltAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ beltId: w.belt.id }] },
  'lib/belt/actions.ts#decideBeltAction': { allowed: ORG_ADMIN, args: (w) => [{ beltId: w.belt.submittedId, decision: 'return', reason: '矩阵退回理由' }] },
  'lib/belt/actions.ts#createImprovementItemAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ beltId: w.belt.id, kind: 'IMPROVEMENT', title: `矩阵提升事项${w.tag}`, ownerName: '王书记', dueOn: w.belt.day }],
  },
  // The 党工委's admin closes it with the photo they uploaded; the 组织部 is then told it is closed already.
  'lib/belt/actions.ts#closeImprovementItemAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ itemId: w.belt.itemId, closureNote: '矩阵整改情况', evidenceFileIds: [w.belt.closurePhotoId] }],
  },
  'lib/cultivation/actions.ts#addLedgerEntryAction': {
    allowed: SECRETARY,
    args: (w) => [{ cultivationId: w.cultivation.id, occurredOn: w.cultivation.day, activity: '矩阵主题党日', place: '活动室', participants: '全体党员', summary: '矩阵台帐' }],
  },
  'lib/cultivation/actions.ts#deleteLedgerEntryAction': { allowed: SECRETARY, args: (w) => [{ entryId: w.cultivation.deletableEntryId }] },
  'lib/cultivation/actions.ts#reportLedgerMonthAction': { allowed: SECRETARY, args: (w) => [{ cultivationId: w.cultivation.id, month: w.cultivation.month }] },
  'lib/cultivation/actions.ts#correctLedgerEntryAction': {
    allowed: SECRETARY,
    args: (w) => [{ correctsId: w.cultivation.keptEntryId, occurredOn: w.cultivation.day, activity: '矩阵更正', place: '活动室', participants: '全体党员', summary: '矩阵更正', reason: '矩阵更正理由' }],
  },
  'lib/declaration-reminder/actions.ts#remindBranchesAction': {
    allowed: COMMITTEE,
    args: (w) => [{ campaignId: w.declaration.campaignId, organizationId: w.orgs.committee, branchIds: [w.orgs.branch] }],
  },
  'lib/application/actions.ts#submitApplicationAction': {
    allowed: SECRETARY,
    args: async (w) => [
      { applicationId: w.declaration.draftId, revision: await revision(w.declaration.draftId), values: { ...(await completeValues(w.declaration.campaignId)), brandName: `矩阵申报${w.tag}` } },
    ],
  },
  'lib/application/actions.ts#similarNamesAction': { allowed: ['secretary', 'committee', 'siblingCommittee', 'orgAdmin'], args: () => [{ name: '幸福里' }] },

  // 逐级推荐: only the committee the entry waits at; the organization department returns entries, never recommends.
  'lib/recommendation/actions.ts#saveOpinionAction': {
    allowed: COMMITTEE,
    args: (w) => [{ applicationId: w.recommendation.entryId, organizationId: w.orgs.committee, opinion: '品牌特色鲜明，同意推荐。' }],
  },
  'lib/recommendation/actions.ts#saveRankingAction': {
    allowed: COMMITTEE,
    args: (w) => [{ campaignId: w.recommendation.campaignId, organizationId: w.orgs.committee, order: [w.recommendation.entryId, w.recommendation.returnedId] }],
  },
  'lib/recommendation/actions.ts#recommendEntryAction': { allowed: COMMITTEE, args: (w) => [{ applicationId: w.recommendation.entryId, organizationId: w.orgs.committee }] },
  'lib/recommendation/actions.ts#undoDecisionAction': { allowed: COMMITTEE, args: (w) => [{ applicationId: w.recommendation.entryId, organizationId: w.orgs.committee }] },
  'lib/recommendation/actions.ts#notRecommendEntryAction': {
    allowed: COMMITTEE,
    args: (w) => [{ applicationId: w.recommendation.entryId, organizationId: w.orgs.committee, reason: '品牌成效材料不足' }],
  },
  'lib/recommendation/actions.ts#returnEntryAction': {
    allowed: COMMITTEE,
    args: (w) => [{ applicationId: w.recommendation.entryId, organizationId: w.orgs.committee, reason: '请补充品牌成效材料后重新申报' }],
  },
  'lib/application/actions.ts#returnApplicationAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ applicationId: w.recommendation.returnedId, reason: '材料不全，请补充后重新申报' }],
  },

  // The organization department of the campaign's owner (the city): every later stage.
  'lib/qualification/actions.ts#qualifyApplicationAction': { allowed: ORG_ADMIN, args: (w) => [{ applicationId: w.later.listedId, checks: {}, result: 'PASSED', reason: '' }] },
  'lib/qualification/actions.ts#bulkPassAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, applicationIds: [w.later.listedId] }] },
  'lib/qualification/actions.ts#revokeQualificationAction': { allowed: ORG_ADMIN, args: (w) => [{ applicationId: w.later.listedId }] },
  'lib/qualification/actions.ts#updateQualificationChecklistAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, items: ['党组织健全', '无违纪问题'] }] },
  'lib/brand-list/actions.ts#publishBrandListAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, reason: '权限矩阵的变更理由' }] },

  // 专家评审: the expert on their own sheet; assignments, panels, 实地核验 and decisions by the organization department.
  'lib/review/actions.ts#saveScoresAction': {
    allowed: EXPERT,
    args: (w) => [{ assignmentId: w.later.sheetId, scores: [{ criterionId: w.later.criterionIds[0], points: 10, comment: '' }] }],
  },
  'lib/review/actions.ts#submitSheetAction': { allowed: EXPERT, args: (w) => [{ assignmentId: w.later.sheetId }] },
  'lib/review/actions.ts#reopenSheetAction': { allowed: ORG_ADMIN, args: (w) => [{ assignmentId: w.later.sheetId, reason: '请补充评语后再提交' }] },
  'lib/review/actions.ts#declareConflictAction': { allowed: EXPERT, args: (w) => [{ assignmentId: w.later.sheetId, reason: '与申报单位有工作往来' }] },
  'lib/review/actions.ts#commitAssignmentAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, round: 1, seed: 1, fingerprint: 'stale-plan' }] },
  'lib/review/actions.ts#addAssignmentAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ campaignId: w.later.campaignId, applicationId: w.later.reviewedId, expertId: w.users.thirdExpert, round: 1, reason: '补充一位专家' }],
  },
  'lib/review/actions.ts#removeAssignmentAction': { allowed: ORG_ADMIN, args: (w) => [{ assignmentId: w.later.otherSheetId, reason: '专家临时有事' }] },
  'lib/review/actions.ts#startDisputeRoundAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, applicationId: w.later.reviewedId, reason: '评分差距过大需要复议' }] },
  'lib/review/actions.ts#savePanelAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ campaignId: w.later.campaignId, panelId: null, name: `矩阵新专家组${w.tag}`, fieldId: null, memberIds: [] }],
  },
  'lib/review/actions.ts#deletePanelAction': { allowed: ORG_ADMIN, args: (w) => [{ panelId: w.later.panelId }] },
  'lib/review/actions.ts#saveExpertProfileAction': {
    // The seeded profile of expert1, unchanged (the demo's 回避 relies on it).
    allowed: ORG_ADMIN,
    args: (w) => [{ userId: w.users.expert, homeOrganizationId: w.orgs.city, expertise: ['RURAL', 'COMMUNITY'], title: '市委党校教授', workUnit: '示范市委党校', note: '' }],
  },
  'lib/review/actions.ts#saveOnsiteCheckAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ campaignId: w.later.campaignId, applicationId: w.later.reviewedId, scheduledOn: null, inspectorIds: [], findings: '', result: 'PENDING', photoIds: [] }],
  },
  'lib/review/actions.ts#createDecisionAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, kind: 'PRELIMINARY', correctionReason: '' }] },
  'lib/review/actions.ts#saveDecisionDraftAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ decisionId: w.later.decisionId, meetingDate: shanghaiDay(), attendees: '部务会成员', notes: '', items: [] }],
  },
  'lib/review/actions.ts#signDecisionAction': { allowed: ORG_ADMIN, args: (w) => [{ decisionId: w.later.decisionId }] },

  // 网络投票 staff work; the public vote's phone steps are open to anyone (the captcha and SMS limits guard them).
  'lib/voting/admin-actions.ts#invalidateVotesAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, voteIds: [w.later.voteIds[0]], reason: '同一设备重复投票' }] },
  'lib/voting/admin-actions.ts#restoreVotesAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, voteIds: [w.later.voteIds[0]], reason: '核实后恢复有效' }] },
  'lib/voting/admin-actions.ts#invalidateByFlagAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.later.campaignId, flagKey: 'not-a-flag', reason: '同一 IP 集中投票' }] },
  'lib/voting/public-actions.ts#requestVoteCodeAction': { allowed: EVERYONE, args: (w) => [{ campaignId: w.later.campaignId, phone: PHONE, captchaId: '', captchaAnswer: 'abcd' }] },
  'lib/voting/public-actions.ts#verifyVoteCodeAction': { allowed: EVERYONE, args: (w) => [{ campaignId: w.later.campaignId, phone: PHONE, code: '123456' }] },
  'lib/voting/public-actions.ts#forgetVoterAction': { allowed: EVERYONE, args: (w) => [{ campaignId: w.later.campaignId }] },

  // 公示 and 异议: filing is public; handling, publishing and finalising are the organization department's.
  // The 2025 demo campaign, whose 公示 has ended: no code is sent and nothing is filed.
  // 群众意见 (lib/demo-public): anyone may ask for a code and comment (captcha, code and limits are the guard); the
  // committee above the site and the 组织部 moderate (the sibling committee is answered NOT_FOUND).
  'lib/demo-public/public-actions.ts#requestCommentCodeAction': { allowed: EVERYONE, args: (w) => [{ siteId: w.publicComments.siteId, phone: PHONE, captchaId: '', captchaAnswer: 'abcd' }] },
  'lib/demo-public/public-actions.ts#submitCommentAction': { allowed: EVERYONE, args: (w) => [{ siteId: w.publicComments.siteId, phone: PHONE, code: '000000', body: '矩阵测试意见' }] },
  'lib/demo-public/actions.ts#approveCommentAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ commentId: w.publicComments.approveId }] },
  'lib/demo-public/actions.ts#rejectCommentAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ commentId: w.publicComments.rejectId, reason: '与示范点无关的内容' }] },
  'lib/demo-public/actions.ts#replyCommentAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ commentId: w.publicComments.approveId, reply: '感谢您的意见，已转相关单位办理。' }] },
  'lib/objections/public-actions.ts#requestObjectionCodeAction': { allowed: EVERYONE, args: (w) => [{ campaignId: w.honor.campaignId, phone: PHONE, captchaId: '', captchaAnswer: 'abcd' }] },
  'lib/objections/public-actions.ts#fileObjectionAction': {
    allowed: EVERYONE,
    args: (w) => ({
      form: { campaignId: w.honor.campaignId, applicationId: w.honor.applicationId, name: '张三', phone: PHONE, code: '123456', contact: '', facts: '该品牌申报材料中的成效数据与实际情况不符，请核查。' },
    }),
  },
  'lib/objections/actions.ts#acceptObjectionAction': { allowed: ORG_ADMIN, args: (w) => [{ objectionId: w.later.objectionId, note: '' }] },
  'lib/objections/actions.ts#investigateObjectionAction': { allowed: ORG_ADMIN, args: (w) => [{ objectionId: w.later.objectionId, note: '安排调查核实', fileIds: [] }] },
  'lib/objections/actions.ts#noteObjectionAction': { allowed: ORG_ADMIN, args: (w) => [{ objectionId: w.later.objectionId, note: '已约谈申报单位', fileIds: [] }] },
  'lib/objections/actions.ts#answerObjectionAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ objectionId: w.later.objectionId, outcome: 'DISMISSED', answer: '经核查，异议反映的问题不属实。' }],
  },
  'lib/objections/actions.ts#declineObjectionAction': { allowed: ORG_ADMIN, args: (w) => [{ objectionId: w.later.declinedObjectionId, reason: '不属于公示的内容' }] },
  'lib/publicity/actions.ts#publishPublicityAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ campaignId: w.later.campaignId, startsOn: shanghaiDay(), endsOn: shanghaiDay(4), contactPhone: '0571-88886666', contactAddress: '示范市人民路 1 号', notice: '' }],
  },
  'lib/publicity/actions.ts#finaliseCampaignAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ campaignId: w.later.campaignId, title: '关于通报表扬的决定', documentNo: '示范组通〔2026〕1号', preamble: '经评审，决定予以通报表扬。', issuedOn: shanghaiDay() }],
  },
  // A demo honor (the gallery shows it): the reason is too short, so the admin is refused for the input only.
  'lib/honors/actions.ts#revokeHonorAction': { allowed: ORG_ADMIN, args: (w) => [{ honorId: w.honor.id, reason: '短' }] },

  // 验收认定: the brand's own branch requests; the campaign owner's 组织部 forms the group and decides (refused here after
  // authorizing: a sheet is still open); a member of the group scores.
  'lib/acceptance/actions.ts#requestAcceptanceAction': {
    allowed: SECRETARY,
    args: (w) => [{ cultivationId: w.acceptance.cultivationId, background: '创建背景', measures: '主要措施', results: '工作成效', evidenceFileIds: [] }],
  },
  'lib/acceptance/actions.ts#formAcceptanceGroupAction': { allowed: ORG_ADMIN, args: (w) => [{ requestId: w.acceptance.waitingRequestId, expertIds: [w.users.otherExpert] }] },
  'lib/acceptance/actions.ts#saveAcceptanceSheetAction': { allowed: EXPERT, args: (w) => [{ requestId: w.acceptance.reviewingRequestId, scores: [15, 15, 15, 15, 15], comment: '', submit: false }] },
  // 摘牌 of a 认定: the campaign owner's 组织部 (refused here for the reason, after the guard).
  'lib/acceptance/actions.ts#revokeRecognitionAction': { allowed: ORG_ADMIN, args: () => [{ recognitionId: 'matrix-recognition', reason: '短' }] },

  // 示范建设: programs by the owner's 组织部; a site by the staff over its organization (the sibling committee is refused
  // by the service), photos and checklist evidence by its branch secretary too; verdicts and scores by staff only.
  // Inputs the services refuse after authorizing (a foreign brand, a missing file, a score over the maximum).
  'lib/demo-site/actions.ts#createDemoProgramAction': { allowed: ORG_ADMIN, args: (w) => [{ ownerOrgId: w.orgs.city, title: '' }] },
  'lib/demo-site/actions.ts#updateDemoProgramAction': { allowed: ORG_ADMIN, args: (w) => [{ programId: w.demo.programId, title: '' }] },
  'lib/demo-site/actions.ts#createDemoSiteAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ programId: w.demo.programId, organizationId: w.orgs.branch, brandId: w.demo.foreignBrandId, name: '矩阵新示范点', level: 'COUNTY' }],
  },
  'lib/demo-site/actions.ts#updateDemoSiteAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ siteId: w.demo.siteId, organizationId: w.orgs.branch, brandId: w.demo.foreignBrandId, name: '矩阵示范点', level: 'COUNTY' }],
  },
  'lib/demo-site/actions.ts#addDemoSitePhotosAction': { allowed: ['secretary', 'committee', 'orgAdmin'], args: (w) => [{ siteId: w.demo.siteId, fileIds: ['matrix-missing-file'] }] },
  'lib/demo-site/actions.ts#removeDemoSitePhotoAction': { allowed: ['secretary', 'committee', 'orgAdmin'], args: (w) => [{ siteId: w.demo.siteId, fileId: 'matrix-missing-file' }] },
  'lib/demo-site/actions.ts#assessDemoSiteAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ siteId: w.demo.siteId, year: 2026, scores: [99, 0, 0, 0, 0] }] },
  'lib/checklist/actions.ts#setChecklistVerdictAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ subject: { siteId: w.demo.siteId }, listKey: 'FIVE_BASICS', itemIndex: 0, verdict: 'NOT_MET', note: '权限矩阵' }],
  },
  'lib/checklist/actions.ts#addChecklistEvidenceAction': {
    allowed: ['secretary', 'committee', 'orgAdmin'],
    args: (w) => [{ subject: { siteId: w.demo.siteId }, listKey: 'FIVE_BASICS', itemIndex: 1, fileIds: ['matrix-missing-file'] }],
  },
  'lib/checklist/actions.ts#removeChecklistEvidenceAction': {
    allowed: ['secretary', 'committee', 'orgAdmin'],
    args: (w) => [{ subject: { siteId: w.demo.siteId }, listKey: 'FIVE_BASICS', itemIndex: 1, fileId: 'matrix-missing-file' }],
  },
  // Last of the site's rows: 摘牌 freezes it (the reason is judged after the scope, so '短' is refused for the input).
  'lib/demo-site/actions.ts#revokeDemoSiteAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ siteId: w.demo.siteId, reason: '短' }] },

  'lib/acceptance/actions.ts#decideAcceptanceAction': { allowed: ORG_ADMIN, args: (w) => [{ requestId: w.acceptance.reviewingRequestId, outcome: 'FAIL', findings: '矩阵测试' }] },

  // 评选活动 setup.
  'lib/campaign/actions.ts#createCampaignAction': { allowed: ORG_ADMIN, args: async (w) => [await w.setup.next(), { publish: false }] },
  'lib/campaign/actions.ts#updateCampaignAction': {
    allowed: ORG_ADMIN,
    args: async (w) => [w.setup.campaignId, { ...(await w.setup.next()), title: `权限矩阵设置-${w.tag}` }],
  },
  'lib/campaign/actions.ts#publishCampaignAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.setup.campaignId }] },
  'lib/campaign/actions.ts#openStageNowAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.setup.campaignId, kind: 'RECOMMENDATION' }] },
  'lib/campaign/actions.ts#closeStageNowAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.setup.campaignId, kind: 'DECLARATION' }] },
  // A draft cannot be finished (the state machine refuses it after authorizing); the cancel target is a draft of its own.
  'lib/campaign/actions.ts#finishCampaignAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.setup.campaignId }] },
  'lib/campaign/actions.ts#cancelCampaignAction': { allowed: ORG_ADMIN, args: (w) => [{ campaignId: w.cancel.campaignId, reason: '权限矩阵测试：活动撤销' }] },

  // 组织架构, 用户 and 导入: ORG_ADMIN over the target. Organizations get a duplicate code or a cycle (refused after the
  // scope check), users change only the run's own member account.
  'lib/organization/actions.ts#createOrganizationAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ parentId: w.orgs.committee, name: '矩阵测试支部', code: 'SF-DC-DH-01', levelLabel: '支部', memberCount: 1 }],
  },
  'lib/organization/actions.ts#updateOrganizationAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ id: w.orgs.branch, name: '东华街道幸福里社区党委', code: 'SF-DC-DH-02', levelLabel: '支部', memberCount: 126 }],
  },
  'lib/organization/actions.ts#moveOrganizationAction': { allowed: ORG_ADMIN, args: (w) => [{ id: w.orgs.branch, newParentId: w.orgs.branch }] },
  'lib/organization/actions.ts#setOrganizationActiveAction': { allowed: ORG_ADMIN, args: (w) => [{ id: w.orgs.branch, isActive: true }] },
  'lib/user/actions.ts#createUserAction': {
    allowed: ORG_ADMIN,
    args: (w) => [{ organizationId: w.orgs.branch, loginName: 'member02', displayName: '重复的账号', phone: null, role: 'MEMBER' }],
  },
  'lib/user/actions.ts#updateUserProfileAction': { allowed: ORG_ADMIN, args: (w) => [{ id: w.users.target, displayName: '矩阵测试党员', phone: null }] },
  'lib/user/actions.ts#resetUserPasswordAction': { allowed: ORG_ADMIN, args: (w) => [w.users.target] },
  'lib/user/actions.ts#setUserDisabledAction': { allowed: ORG_ADMIN, args: (w) => [w.users.target, false] },
  'lib/user/actions.ts#unlockUserAction': { allowed: ORG_ADMIN, args: (w) => [w.users.target] },
  'lib/user/actions.ts#assignRoleAction': { allowed: ORG_ADMIN, args: (w) => [{ userId: w.users.target, role: 'MEMBER', organizationId: w.orgs.secondBranch }] },
  'lib/user/actions.ts#removeRoleAction': { allowed: ORG_ADMIN, args: (w) => [{ userId: w.users.target, role: 'MEMBER', organizationId: w.orgs.secondBranch }] },
  // 宣传推广: the committee / organization-department staff over the owner (the 东华 committee); each allowed call is
  // refused after authorizing (an unknown site or brand, a schedule title already there, a contest already being scored,
  // points over the maximum), so the demo keeps no matrix rows. Judges of the contest score it.
  'lib/promotion/actions.ts#createPromotionEventAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ ownerOrgId: w.orgs.committee, kind: 'OBSERVATION', title: '矩阵观摩会', heldAt: '2026-09-01T09:00', siteIds: ['matrix-no-such-site'] }],
  },
  'lib/promotion/actions.ts#createPromotionScheduleAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ ownerOrgId: w.orgs.committee, kind: 'OBSERVATION', title: w.promotion.scheduleTitle, recurrence: 'QUARTERLY', startsOn: '2099-01-01' }],
  },
  'lib/promotion/actions.ts#setContestAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ eventId: w.promotion.contestId, criteria: [{ name: '品牌定位', maxPoints: 100 }], judgeIds: [w.users.expert], entries: [{ organizationId: w.orgs.branch }] }],
  },
  'lib/promotion/actions.ts#saveContestSheetAction': { allowed: EXPERT, args: (w) => [{ entryId: w.promotion.entryId, scores: [99, 99], submit: false }] },
  'lib/promotion/actions.ts#createBrochureAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [{ ownerOrgId: w.orgs.committee, title: '矩阵画册', brandIds: ['matrix-no-such-brand'] }],
  },
  'lib/import/actions.ts#importOrganizationsAction': { allowed: ORG_ADMIN, args: () => ({ form: notAWorkbook }) },
  'lib/import/actions.ts#importUsersAction': { allowed: ORG_ADMIN, args: () => ({ form: notAWorkbook }) },
  // 结对共建 (issue 20): staff of the committee or above flag 后进 and pair; the secretaries of both sides record activities;
  // the committee reviews. 后进: clearing a flag that is not set changes nothing. The committee's and the 组织部's calls
  // really create the run's enterprise pairing (retireAuthorizationWorld deletes it); the activity row records on it as
  // the branch's secretary; the review is refused for its date (期满前, not marked early) after authorizing.
  'lib/pairing/actions.ts#setLaggingAction': { allowed: ['committee', 'orgAdmin'], args: (w) => [{ organizationId: w.orgs.secondBranch, lagging: false }] },
  'lib/pairing/actions.ts#createPairingAction': {
    allowed: ['committee', 'orgAdmin'],
    args: (w) => [
      { committeeOrgId: w.orgs.committee, brandOrgId: w.orgs.branch, kind: 'ENTERPRISE', partnerName: `矩阵企业${w.tag}`, goals: `矩阵结对${w.tag}`, startsOn: shanghaiDay(-10), endsOn: shanghaiDay(10) },
    ],
  },
  'lib/pairing/actions.ts#addPairingActivityAction': {
    allowed: SECRETARY,
    args: async (w) => [
      { pairingId: (await matrixPairing(w.tag)).id, occurredOn: shanghaiDay(), activity: '矩阵共建活动', place: '活动室', participants: '双方党员', summary: '矩阵共建' },
    ],
  },
  'lib/pairing/actions.ts#reviewPairingAction': {
    allowed: ['committee', 'orgAdmin'],
    args: async (w) => [{ pairingId: (await matrixPairing(w.tag)).id, verdict: 'GOOD', note: '矩阵评议', early: false }],
  },
};

/** `app/api/<path>/route.ts#<METHOD>` → row. */
export const ROUTE_MATRIX: Record<string, TRouteRow> = {
  'app/api/health/route.ts#GET': { allowed: EVERYONE, request: () => ({ path: '/api/health' }) },
  'app/api/ready/route.ts#GET': { allowed: EVERYONE, request: () => ({ path: '/api/ready' }) },
  'app/api/auth/[...nextauth]/route.ts#GET': { allowed: EVERYONE, request: () => ({ path: '/api/auth/session' }) },
  'app/api/auth/[...nextauth]/route.ts#POST': { allowed: EVERYONE, request: () => ({ path: '/api/auth/session', json: {} }) },
  'app/api/captcha/route.ts#POST': { allowed: EVERYONE, request: () => ({ path: '/api/captcha' }) },
  'app/api/campaigns/[id]/announcement/route.ts#GET': { allowed: EVERYONE, request: (w) => ({ path: `/api/campaigns/${w.honor.campaignId}/announcement` }) },
  // The certificate of a demo honor outside the 东华 subtree: the organizer's staff (and that branch's line) only.
  'app/api/certificates/[no]/route.ts#GET': { allowed: ORG_ADMIN, request: (w) => ({ path: `/api/certificates/${w.honor.certificateNo}` }) },
  // All certificates of the demo honored campaign in one PDF: the organizer's staff only (the committees are refused).
  'app/api/campaigns/[id]/certificates/route.ts#GET': { allowed: ORG_ADMIN, request: (w) => ({ path: `/api/campaigns/${w.honor.campaignId}/certificates` }) },
  // 验收意见书 of a decided request: the campaign owner's 组织部 and the requesting branch (the group had no members).
  'app/api/acceptance/[id]/opinion/route.ts#GET': { allowed: ['secretary', 'orgAdmin'], request: (w) => ({ path: `/api/acceptance/${w.acceptance.failedRequestId}/opinion` }) },
  // 宣传画册 of the 东华 committee: its staff and the 组织部 above it.
  'app/api/promotion/brochures/[id]/pdf/route.ts#GET': { allowed: ['committee', 'orgAdmin'], request: (w) => ({ path: `/api/promotion/brochures/${w.promotion.brochureId}/pdf` }) },
  // The branch's own submitted entry: its secretary and the admins above it.
  'app/api/applications/[id]/pdf/route.ts#GET': { allowed: ['secretary', 'committee', 'orgAdmin'], request: (w) => ({ path: `/api/applications/${w.later.listedId}/pdf` }) },
  'app/api/files/[id]/route.ts#GET': { allowed: ['secretary', 'committee', 'orgAdmin'], request: (w) => ({ path: `/api/files/${w.later.documentId}` }) },
  'app/api/files/route.ts#POST': {
    allowed: ['secretary', 'committee', 'siblingCommittee', 'orgAdmin'],
    request: async () => ({ path: '/api/files', multipart: { slot: 'PHOTO', file: { name: '活动照片.jpg', mimeType: 'image/jpeg', buffer: await sampleJpeg() } } }),
  },
  'app/api/cultivation/[id]/plan/pdf/route.ts#GET': { allowed: ['secretary', 'committee', 'orgAdmin'], request: (w) => ({ path: `/api/cultivation/${w.cultivation.id}/plan/pdf` }) },
  'app/api/cultivation/grid/export/route.ts#GET': { allowed: ['committee', 'orgAdmin'], request: (w) => ({ path: `/api/cultivation/grid/export?campaign=${w.cultivation.campaignId}` }) },
  // 年度考核: the staff of a subtree (the sibling committee asks for the east committee's subtree: 404).
  'app/api/annual-review/export/route.ts#GET': { allowed: ['committee', 'orgAdmin'], request: (w) => ({ path: `/api/annual-review/export?year=2026&org=${w.orgs.committee}` }) },
  'app/api/applications/export/route.ts#GET': { allowed: ['committee', 'siblingCommittee', 'orgAdmin'], request: () => ({ path: '/api/applications/export' }) },
  // 推荐汇总表 (lib/documents): the committee for itself, and the campaign owner's organization department.
  'app/api/recommendations/summary/route.ts#GET': {
    allowed: ['committee', 'orgAdmin'],
    request: (w) => ({ path: `/api/recommendations/summary?campaign=${w.recommendation.campaignId}&org=${w.orgs.committee}&format=xlsx` }),
  },
  // The 大屏's data: the organizer's staff only (its owner's ORG_ADMINs).
  'app/api/campaigns/[id]/screen/route.ts#GET': { allowed: ORG_ADMIN, request: (w) => ({ path: `/api/campaigns/${w.later.campaignId}/screen` }) },
  // Official documents (lib/documents/registry.ts): the owner's organization department; a committee only its own 推荐汇总表.
  'app/api/campaigns/[id]/documents/[kind]/route.ts#GET': {
    allowed: ['committee', 'orgAdmin'],
    request: (w) => ({ path: `/api/campaigns/${w.recommendation.campaignId}/documents/recommendation-summary?format=pdf&org=${w.orgs.committee}` }),
  },
  'app/api/campaigns/[id]/qualification/export/route.ts#GET': { allowed: ORG_ADMIN, request: (w) => ({ path: `/api/campaigns/${w.later.campaignId}/qualification/export` }) },
  'app/api/reviews/export/route.ts#GET': { allowed: ORG_ADMIN, request: (w) => ({ path: `/api/reviews/export?campaign=${w.later.campaignId}&format=xlsx` }) },
  'app/api/votes/export/route.ts#GET': { allowed: ORG_ADMIN, request: (w) => ({ path: `/api/votes/export?campaignId=${w.later.campaignId}` }) },
  'app/api/import/template/route.ts#GET': { allowed: ORG_ADMIN, request: () => ({ path: '/api/import/template?kind=organizations' }) },
  // A party member of the campaign's range votes for another branch's entry (public voters use a verified phone).
  'app/api/campaigns/[id]/votes/route.ts#POST': {
    allowed: ['member'],
    request: (w) => ({ path: `/api/campaigns/${w.later.campaignId}/votes`, json: { applicationId: w.later.reviewedId, idempotencyKey: `matrix-${Date.now()}-${Math.random()}` } }),
  },
};
