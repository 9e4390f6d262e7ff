// The records the authorization matrix aims at, inside the demo city so the demo accounts hold their real roles over
// them: the 东华街道党工委 (dh-admin) subtree with its branches 幸福里 (sec-xfl, member02) and 光明 (sec-gm), and four
// campaigns of the city (admin) in the stages the actions need. They are written through the same services and
// support functions as the other specs; at the end every campaign made here is set CANCELLED, which takes it off every
// list the later specs read (the demo campaign itself is never touched).
import { db } from '@/lib/db';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { setApplicationFiles } from '@/lib/application/files';
import { publishBrandList } from '@/lib/brand-list/service';
import { storeUpload } from '@/lib/files/service';
import { bulkPassQualifications } from '@/lib/qualification/service';
import { campaignSetup, createTestCampaign, startDeclarationInPast } from '../../support/campaigns';
import { completeValues } from '../../support/declarations';
import { openQualification, openRecommendation } from '../../support/recommendations';
import { openExpertReview } from '../../support/reviews';
import { insertObjection } from '../../support/publicity';
import { insertVotes, openVoting } from '../../support/voting';
import { sampleJpeg, samplePdf } from '../../support/upload-samples';
import { createCultivation, openCultivationStage } from '../../support/cultivations';
import { createPublicCommentWorld, retirePublicCommentWorld } from './public-comments-world';
import { createCultivation as createAcceptanceCultivation, insertAcceptanceRequest, openAcceptanceStage } from '../../support/acceptance';

const ip = '10.18.0.1';

async function orgId(code: string) {
  return (await db.organization.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

async function userId(loginName: string) {
  return (await db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true } })).id;
}

/** A published city campaign (2 recommending levels off: only the 党工委 recommends) with its declaration open. */
async function cityCampaign(tag: string, name: string, adminId: string, publish = true) {
  const city = await orgId('SF');
  const { campaign } = await createTestCampaign({ ownerOrgId: city, actorId: adminId, publish, changes: { title: `权限矩阵${name}-${tag}` } });
  await db.campaign.update({ where: { id: campaign.id }, data: { recommendingDepths: [2], memberVotingEnabled: true, publicVotingEnabled: true } });
  await startDeclarationInPast(campaign.id);
  return campaign.id;
}

/** A submitted entry of `organizationId`, written by its secretary; `document` attaches a 证明材料 first. */
async function submittedEntry(campaignId: string, organizationId: string, secretaryId: string, brandName: string, document = false) {
  const draft = await getOrCreateDraft({ campaignId, organizationId }, { actorId: secretaryId, ip });
  let documentId: string | null = null;
  if (document) {
    documentId = (await storeUpload({ bytes: await samplePdf(), fileName: '证明材料.pdf', slot: 'DOCUMENT' }, { actorId: secretaryId, ip })).id;
    await setApplicationFiles({ applicationId: draft.id, logoFileId: null, photoIds: [], documentIds: [documentId] }, { actorId: secretaryId, ip });
  }
  const { revision } = await db.application.findUniqueOrThrow({ where: { id: draft.id }, select: { revision: true } });
  await submitApplication({ applicationId: draft.id, revision, values: { ...(await completeValues(campaignId)), brandName } }, { actorId: secretaryId, ip });
  return { id: draft.id, documentId };
}

/** The records of one run; `tag` marks every campaign and account it makes (retireAuthorizationWorld finds them by it). */
export async function createAuthorizationWorld(tag: string) {
  const [city, committee, sibling, branch, secondBranch, honoredBranch] = await Promise.all(['SF', 'SF-DC-DH', 'SF-DC-CG', 'SF-DC-DH-01', 'SF-DC-DH-02', 'SF-DC-JG-01'].map(orgId));
  const [admin, secretary, secondSecretary, member, expert, otherExpert, thirdExpert] = await Promise.all(
    ['admin', 'sec-xfl', 'sec-gm', 'member02', 'expert1', 'expert2', 'expert3'].map(userId),
  );
  // A member of the branch whose account the user-admin actions change (never a demo account).
  const target = await db.user.create({
    data: {
      loginName: `matrix-${tag}`,
      displayName: '矩阵测试党员',
      passwordHash: (await db.user.findUniqueOrThrow({ where: { id: member }, select: { passwordHash: true } })).passwordHash,
      mustChangePassword: false,
      roleAssignments: { create: [{ role: 'MEMBER', organizationId: branch }] },
    },
    select: { id: true },
  });

  // 申报: the branch's draft, declaration open.
  const declaration = await cityCampaign(tag, '申报', admin);
  const draft = await getOrCreateDraft({ campaignId: declaration, organizationId: branch }, { actorId: secretary, ip });

  // 逐级推荐: both branches submitted, waiting at the 党工委.
  const recommendation = await cityCampaign(tag, '推荐', admin);
  const recommended = await submittedEntry(recommendation, branch, secretary, `矩阵推荐甲${tag}`);
  const returned = await submittedEntry(recommendation, secondBranch, secondSecretary, `矩阵推荐乙${tag}`);
  await openRecommendation(recommendation);

  // 资格审查 passed, 品牌清单 published, expert review and voting open: the entry of the branch (with a document) and
  // the second branch's entry, which the review, vote and objection actions aim at.
  const later = await cityCampaign(tag, '评审', admin);
  const listed = await submittedEntry(later, branch, secretary, `矩阵评审甲${tag}`, true);
  const reviewed = await submittedEntry(later, secondBranch, secondSecretary, `矩阵评审乙${tag}`);
  await db.recommendation.createMany({
    data: [listed.id, reviewed.id].map((applicationId) => ({ campaignId: later, applicationId, organizationId: committee, decision: 'RECOMMENDED' as const, decidedAt: new Date() })),
  });
  await openQualification(later);
  await bulkPassQualifications({ campaignId: later, applicationIds: [listed.id, reviewed.id] }, { actorId: admin, ip });
  await publishBrandList({ campaignId: later, reason: '' }, { actorId: admin, ip });
  await openExpertReview(later);
  await openVoting(later);
  const sheet = await db.reviewAssignment.create({ data: { campaignId: later, applicationId: reviewed.id, expertId: expert, source: 'MANUAL', reason: '权限矩阵' }, select: { id: true } });
  const otherSheet = await db.reviewAssignment.create({ data: { campaignId: later, applicationId: reviewed.id, expertId: otherExpert, source: 'MANUAL', reason: '权限矩阵' }, select: { id: true } });
  const criteria = await db.criterion.findMany({ where: { rubric: { campaignId: later } }, select: { id: true }, orderBy: { sortOrder: 'asc' } });
  // With a panel the campaign's expert pool is its members.
  const panel = await db.expertPanel.create({
    data: { campaignId: later, name: `矩阵专家组${tag}`, members: { create: [expert, otherExpert, thirdExpert].map((expertId) => ({ expertId })) } },
    select: { id: true },
  });
  const decision = await db.decision.create({ data: { campaignId: later, kind: 'PRELIMINARY', version: 1, meetingDate: new Date(), attendees: '部务会成员' }, select: { id: true } });
  // Objections belong to a 公示 version: one that has already ended, so no row finds a 公示 running.
  await db.publicity.create({ data: { campaignId: later, version: 1, decisionId: decision.id, startsAt: new Date(Date.now() - 2 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000) } });
  const objection = await insertObjection(later, reviewed.id);
  const declinedObjection = await insertObjection(later, reviewed.id);
  await insertVotes(later, reviewed.id, 2);
  const votes = await db.vote.findMany({ where: { campaignId: later }, select: { id: true }, orderBy: { id: 'asc' } });

  // Campaign setup: a draft of the city's for the setup actions, and a setup for a new one.
  const setupTarget = await cityCampaign(tag, '设置', admin, false);
  // 撤销活动: a draft of its own, since the allowed call really cancels it.
  const cancelTarget = await cityCampaign(tag, '撤销', admin, false);

  // 培育创建: the branch's brand in cultivation, its plan a draft, two 台帐 entries of today (one to delete, one to correct).
  const cultivating = await cityCampaign(tag, '培育', admin);
  await openCultivationStage(cultivating);
  const cultivation = await createCultivation(cultivating, branch, `矩阵培育${tag}`);
  await db.cultivationPlan.create({ data: { cultivationId: cultivation.id, goals: '矩阵创建目标', measures: '矩阵主要措施', tasks: [{ title: '矩阵任务', dueOn: '2026-12-31', responsible: '书记' }] } });
  const today = new Date(`${(await db.$queryRaw<{ day: string }[]>`SELECT ((now() AT TIME ZONE 'Asia/Shanghai')::date)::text AS day`)[0].day}T00:00:00Z`);
  const ledgerEntry = (activity: string) =>
    db.ledgerEntry.create({
      data: { cultivationId: cultivation.id, month: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), occurredOn: today, activity, place: '活动室', participants: '全体党员', summary: '矩阵台帐', createdById: secretary },
      select: { id: true },
    });
  const [keptEntry, deletableEntry] = [await ledgerEntry('矩阵保留'), await ledgerEntry('矩阵删除')];
  // 验收认定: three brands of the branch in cultivation — one failed once (free to request again; its 验收意见书 is out),
  // one waiting for its group, one under review with expert1 in the group.
  const acceptanceCampaign = await cityCampaign(tag, '验收', admin);
  await openAcceptanceStage(acceptanceCampaign);
  await db.campaign.update({ where: { id: acceptanceCampaign }, data: { allowMultipleApplications: true } });
  const acceptanceCultivation = (name: string, slot: number) => createAcceptanceCultivation({ campaignId: acceptanceCampaign, organizationId: branch, secretaryId: secretary, name: `${name}${tag}`, slot });
  const [again, waiting, reviewing] = [await acceptanceCultivation('矩阵验收甲', 1), await acceptanceCultivation('矩阵验收乙', 2), await acceptanceCultivation('矩阵验收丙', 3)];
  const failedRequest = await insertAcceptanceRequest({ cultivationId: again.id, requestedById: secretary, status: 'FAILED', decidedById: admin });
  const waitingRequest = await insertAcceptanceRequest({ cultivationId: waiting.id, requestedById: secretary, status: 'WAITING' });
  const reviewingRequest = await insertAcceptanceRequest({ cultivationId: reviewing.id, requestedById: secretary, status: 'REVIEWING', expertIds: [expert] });

  // 示范建设: a site of the branch in the demo program (revoked when the world retires); a brand of another organization.
  const demoProgram = await db.demoProgram.findFirstOrThrow({ where: { ownerOrgId: city }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const demoSite = await db.demoSite.create({ data: { programId: demoProgram.id, organizationId: branch, name: `权限矩阵示范点-${tag}`, level: 'COUNTY' }, select: { id: true } });
  const foreignBrand = await db.brand.findFirstOrThrow({ where: { organizationId: { not: branch } }, select: { id: true } });
  // 宣传推广: a 擂台比武 of the 东华 committee whose scoring has started (expert2 saved a sheet), and a brochure.
  const contest = await db.promotionEvent.create({
    data: {
      ownerOrgId: committee,
      kind: 'CONTEST',
      title: `权限矩阵擂台比武-${tag}`,
      heldAt: new Date(),
      criteria: [{ name: '品牌定位', maxPoints: 50 }, { name: '现场表现', maxPoints: 50 }],
      judges: { create: [{ judgeId: expert }, { judgeId: otherExpert }] },
      entries: { create: [{ organizationId: branch, presenter: '矩阵书记', sortOrder: 1 }] },
    },
    select: { id: true, entries: { select: { id: true } } },
  });
  await db.contestScore.create({ data: { entryId: contest.entries[0]!.id, judgeId: otherExpert, scores: [10, 10], total: 20 } });
  const scheduleTitle = '权限矩阵活动计划';
  if (!(await db.promotionSchedule.findFirst({ where: { ownerOrgId: committee, title: scheduleTitle } }))) {
    await db.promotionSchedule.create({ data: { ownerOrgId: committee, kind: 'OBSERVATION', title: scheduleTitle, recurrence: 'QUARTERLY', startsOn: new Date('2099-01-01T00:00:00Z') } });
  }
  const brochure = await db.brochure.create({ data: { ownerOrgId: committee, title: `权限矩阵画册-${tag}`, brandIds: [] }, select: { id: true } });

  const honor = await db.honor.findFirstOrThrow({ where: { application: { organizationId: honoredBranch } }, select: { id: true, certificateNo: true, campaignId: true, applicationId: true } });

  // 示范带: a program of its own (not the demo's), a draft belt of the 党工委 with two sites and a third to add, an open
  // 问题清单 item and a photo the 党工委's admin uploaded to close it with, and a submitted belt for the 组织部 to decide.
  const committeeAdmin = await userId('dh-admin');
  const beltProgram = await db.demoProgram.create({ data: { ownerOrgId: city, title: `权限矩阵示范建设-${tag}`, startYear: 2026, minSitesPerBelt: 3, beltFactors: ['党建基础'], createdById: admin } });
  const beltSites = await Promise.all(
    [branch, secondBranch, branch].map((organizationId, index) => db.demoSite.create({ data: { programId: beltProgram.id, organizationId, name: `矩阵示范点${index + 1}-${tag}` } })),
  );
  const draftBelt = await db.demoBelt.create({ data: { programId: beltProgram.id, ownerOrgId: committee, name: `矩阵示范带-${tag}`, minSites: 3, plan: [{ year: 2026, milestones: '', done: false }], createdById: committeeAdmin } });
  await db.beltSite.createMany({ data: beltSites.slice(0, 2).map((site, index) => ({ beltId: draftBelt.id, siteId: site.id, routeOrder: index + 1 })) });
  const submittedBelt = await db.demoBelt.create({ data: { programId: beltProgram.id, ownerOrgId: committee, name: `矩阵待审示范带-${tag}`, minSites: 1, createdById: committeeAdmin } });
  await db.beltSite.create({ data: { beltId: submittedBelt.id, siteId: beltSites[0]!.id, routeOrder: 1 } });
  await db.demoBelt.update({ where: { id: submittedBelt.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
  const beltItem = await db.improvementItem.create({ data: { beltId: draftBelt.id, kind: 'PROBLEM', title: '矩阵问题', ownerName: '王书记', dueOn: today, createdById: committeeAdmin } });
  const closurePhoto = await storeUpload({ bytes: await sampleJpeg(), fileName: '整改.jpg', slot: 'PHOTO' }, { actorId: committeeAdmin, ip });

  return {
    tag,
    belt: {
      programId: beltProgram.id,
      id: draftBelt.id,
      submittedId: submittedBelt.id,
      firstSiteId: beltSites[0]!.id,
      extraSiteId: beltSites[2]!.id,
      itemId: beltItem.id,
      closurePhotoId: closurePhoto.id,
      day: today.toISOString().slice(0, 10),
    },
    orgs: { city, committee, sibling, branch, secondBranch },
    users: { admin, secretary, member, expert, otherExpert, thirdExpert, target: target.id },
    declaration: { campaignId: declaration, draftId: draft.id },
    recommendation: { campaignId: recommendation, entryId: recommended.id, returnedId: returned.id },
    later: {
      campaignId: later,
      listedId: listed.id,
      documentId: listed.documentId!,
      reviewedId: reviewed.id,
      sheetId: sheet.id,
      otherSheetId: otherSheet.id,
      criterionIds: criteria.map((criterion) => criterion.id),
      panelId: panel.id,
      decisionId: decision.id,
      objectionId: objection.id,
      declinedObjectionId: declinedObjection.id,
      voteIds: votes.map((vote) => String(vote.id)),
    },
    cultivation: { campaignId: cultivating, id: cultivation.id, month: today.toISOString().slice(0, 7), day: today.toISOString().slice(0, 10), keptEntryId: keptEntry.id, deletableEntryId: deletableEntry.id },
    cancel: { campaignId: cancelTarget },
    setup: { campaignId: setupTarget, next: () => campaignSetup(city, { title: `权限矩阵新建-${tag}` }) },
    honor,
    demo: { programId: demoProgram.id, siteId: demoSite.id, foreignBrandId: foreignBrand.id },
    acceptance: { cultivationId: again.id, failedRequestId: failedRequest.id, waitingRequestId: waitingRequest.id, reviewingRequestId: reviewingRequest.id },
    publicComments: await createPublicCommentWorld(tag, branch),
    promotion: { contestId: contest.id, entryId: contest.entries[0]!.id, brochureId: brochure.id, scheduleTitle },
  };
}

export type TAuthorizationWorld = Awaited<ReturnType<typeof createAuthorizationWorld>>;

/** Takes every campaign of the run off the lists (CANCELLED) and disables its account, also after a half-built world. */
export async function retireAuthorizationWorld(tag: string) {
  await db.$executeRaw`UPDATE campaigns SET status = 'CANCELLED' WHERE title LIKE ${`权限矩阵%-${tag}`}`;
  await db.user.updateMany({ where: { loginName: `matrix-${tag}` }, data: { isDisabled: true } });
  await db.$executeRaw`UPDATE demo_sites SET status = 'REVOKED', revoked_at = now(), revoke_reason = '权限矩阵测试结束' WHERE name = ${`权限矩阵示范点-${tag}`} AND status = 'ACTIVE'`;
  await retirePublicCommentWorld(tag);
  // The run's 结对共建 (created by the pairing rows) with its activities.
  await db.pairing.deleteMany({ where: { goals: `矩阵结对${tag}` } });
}

// Rows that change on every request whatever it asks, or that record the refusal itself (refused privileged attempts
// go to the audit log), or that the server's job worker writes on its own clock (the minutely scan's stage notices and
// reminders, queued SMS); everything else must be exactly as it was after a refused request. The migrations table is
// left out too: the app role may read only its names (for /api/ready), not whole rows.
const VOLATILE_TABLES = ['_app_migrations', 'audit_logs', 'user_sessions', 'login_attempts', 'captcha_challenges', 'notifications', 'scheduled_reminders', 'sms_outbox', 'sms_messages'];

/** One hash per table of the whole database (its rows in a stable order), to show a refusal changed nothing. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY(${VOLATILE_TABLES}))
    ORDER BY table_name`;
  const query = tables
    .map(({ name }) => `SELECT '${name}' AS name, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS hash FROM "${name}" t`)
    .join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ name: string; hash: string }[]>(query);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}
