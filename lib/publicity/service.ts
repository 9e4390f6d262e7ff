// 公示 → 通报表扬: publishing the signed 领导小组审定 for objections (again, as a new version, after a correction),
// finalising it as the 表彰决定 with numbered certificates, and 摘牌. Each step is one transaction under the campaign's
// row lock, with its audit record inside; when each may happen is lib/campaign/lifecycle's.
import { z } from 'zod';
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { stagesBefore } from '@/lib/campaign/stages';
import { objectionsByEntry } from '@/lib/objections/holds';
import { publicityNotice, ZFinalise, ZPublishPublicity, type TFinaliseInput, type TPublishPublicityInput } from '@/lib/publicity/schema';
import { enrolCultivations, enrolsCultivation } from '@/lib/brand/enrol';

type TContext = TAuditContext & { actorId: string };

export const ZRevokeHonor = z.object({
  honorId: z.string().min(1),
  reason: z.string().trim().min(5, '请写明摘牌理由（至少 5 个字）').max(500, '摘牌理由不能超过 500 个字'),
});

export type TRevokeHonorInput = z.input<typeof ZRevokeHonor>;

/** 00:00 of a Shanghai calendar day. */
export const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(shanghaiMidnight(day).getTime() + 24 * 60 * 60 * 1000);

async function lockCampaign(tx: TTx, campaignId: string, actorId: string) {
  await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
  const campaign = await tx.campaign.findUnique({
    where: { id: campaignId },
    select: { id: true, title: true, year: true, status: true, publicityEnabled: true, ownerOrg: { select: { path: true, name: true } } },
  });
  if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
  await assertCampaignAdmin(tx, actorId, campaign.ownerOrg.path);
  return campaign;
}

/** The latest signed 领导小组审定, or a refusal saying it is missing. */
async function signedFinal(tx: TTx, campaignId: string) {
  const final = await tx.decision.findFirst({ where: { campaignId, kind: 'FINAL', signedAt: { not: null } }, orderBy: { version: 'desc' }, select: { id: true, version: true } });
  if (!final) throw new AppError('CONFLICT', '领导小组审定签署后才能公示或发布表彰决定');
  return final;
}

/** The 公示 in force: the latest version. */
const latestPublicity = (tx: TTx, campaignId: string) =>
  tx.publicity.findFirst({ where: { campaignId }, orderBy: { version: 'desc' }, select: { id: true, version: true, decisionId: true } });

async function refuseAfterAnnouncement(tx: TTx, campaignId: string, message: string) {
  if (await tx.announcement.findUnique({ where: { campaignId }, select: { id: true } })) throw new AppError('CONFLICT', message);
}

/**
 * Opens the 公示 of the signed 领导小组审定 for the days given. When the 审定 was corrected after a 公示, the corrected
 * list is published as the next version with its own period: it becomes the 公示 in force (and the campaign's 公示
 * stage), the earlier version stays on record as superseded.
 */
export async function publishPublicity(input: TPublishPublicityInput, context: TContext) {
  const value = ZPublishPublicity.parse(input);
  return db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, value.campaignId, context.actorId);
    if (!campaign.publicityEnabled) throw new AppError('CONFLICT', '本活动设置为不公示，可直接发布表彰决定');
    await requireOperation(tx, campaign.id, 'publish-publicity');
    await refuseAfterAnnouncement(tx, campaign.id, '表彰决定已经发布，不能再发布公示');
    const final = await signedFinal(tx, campaign.id);
    const previous = await latestPublicity(tx, campaign.id);
    if (previous?.decisionId === final.id) throw new AppError('CONFLICT', '本活动已经发布公示');
    const awarded = await tx.decisionAward.count({ where: { decisionId: final.id, isDecided: true } });
    if (!awarded) throw new AppError('CONFLICT', '领导小组审定中没有获奖品牌，无需公示');
    const notice = publicityNotice(value);
    const startsAt = shanghaiMidnight(value.startsOn);
    const endsAt = nextDay(value.endsOn);
    if (endsAt <= (await dbNow(tx))) throw new AppError('INVALID_INPUT', '公示结束日期已过，请重新选择', { endsOn: '公示结束日期已过' });
    const version = (previous?.version ?? 0) + 1;
    const publicity = await tx.publicity.create({
      data: { campaignId: campaign.id, version, decisionId: final.id, startsAt, endsAt, notice, publishedById: context.actorId },
      select: { id: true },
    });
    // The 公示 stage of the timeline is the period in force; a stage before it still running (初评审定) ends when it starts.
    await tx.campaignStage.upsert({
      where: { campaignId_kind: { campaignId: campaign.id, kind: 'PUBLICITY' } },
      update: { startsAt, endsAt, isEnabled: true },
      create: { campaignId: campaign.id, kind: 'PUBLICITY', startsAt, endsAt },
    });
    await tx.campaignStage.updateMany({
      where: { campaignId: campaign.id, kind: { in: stagesBefore('PUBLICITY') }, isEnabled: true, endsAt: { gt: startsAt }, startsAt: { lt: startsAt } },
      data: { endsAt: startsAt },
    });
    await recordAudit(tx, context, {
      action: 'publish-publicity',
      entityType: 'Publicity',
      entityId: publicity.id,
      after: { campaignId: campaign.id, version, supersededVersion: previous?.version ?? null, decisionId: final.id, decisionVersion: final.version, startsAt, endsAt, notice, entries: awarded },
    });
    return { publicityId: publicity.id, campaignId: campaign.id, version };
  });
}

const CERTIFICATE_PREFIX = 'DJPP';

/**
 * 通报表扬: once the 公示 of the latest 审定 has ended and no objection is open, the signed 领导小组审定 becomes the
 * published 表彰决定; every award of an entry becomes an honor with a numbered certificate, except for entries withheld
 * by an upheld objection (of any 公示 version) or by a failed 实地核验.
 */
export async function finaliseCampaign(input: TFinaliseInput, context: TContext) {
  const value = ZFinalise.parse(input);
  return db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, value.campaignId, context.actorId);
    await refuseAfterAnnouncement(tx, campaign.id, '表彰决定已经发布');
    const final = await signedFinal(tx, campaign.id);
    if (campaign.publicityEnabled) {
      const publicity = await latestPublicity(tx, campaign.id);
      if (!publicity) throw new AppError('CONFLICT', '请先发布公示，公示期满后再发布表彰决定');
      if (publicity.decisionId !== final.id) throw new AppError('CONFLICT', '公示后领导小组审定又有更正，请发布更正公示，公示期满后再发布表彰决定');
    }
    // The 公示 stage is the period in force (提前结束 in the timeline ends the 公示 too).
    await requireOperation(tx, campaign.id, 'publish-announcement');
    const objections = [...(await objectionsByEntry(campaign.id, tx)).values()];
    const open = objections.reduce((sum, entry) => sum + entry.open, 0);
    if (open) throw new AppError('CONFLICT', `还有 ${open} 件异议未办结，全部答复后才能发布表彰决定`);
    const withheld = new Set(objections.filter((entry) => entry.upheld).map((entry) => entry.applicationId));
    const onsiteFailed = new Set((await tx.onsiteCheck.findMany({ where: { campaignId: campaign.id, result: 'FAILED' }, select: { applicationId: true } })).map((row) => row.applicationId));
    const rows = await tx.decisionAward.findMany({
      where: { decisionId: final.id, isDecided: true },
      select: {
        applicationId: true,
        award: { select: { id: true, name: true, sortOrder: true } },
        item: { select: { rank: true, application: { select: { brandName: true, organization: { select: { name: true } } } } } },
      },
    });
    const honored = rows.filter((row) => !withheld.has(row.applicationId) && !onsiteFailed.has(row.applicationId));
    honored.sort((a, b) => a.award.sortOrder - b.award.sortOrder || a.item.rank - b.item.rank || a.applicationId.localeCompare(b.applicationId));
    if (!honored.length) throw new AppError('CONFLICT', '没有可以表彰的品牌');
    const issuedOn = new Date(`${value.issuedOn}T00:00:00Z`);
    const announcement = await tx.announcement.create({
      data: { campaignId: campaign.id, decisionId: final.id, title: value.title, documentNo: value.documentNo, preamble: value.preamble, issuedOn, publishedById: context.actorId },
      select: { id: true },
    });
    const year = value.issuedOn.slice(0, 4);
    const numbers = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('certificate_no_seq') AS n FROM generate_series(1, ${honored.length}::int)`;
    const sorted = numbers.map((row) => Number(row.n)).sort((a, b) => a - b);
    await tx.honor.createMany({
      data: honored.map((row, index) => ({
        campaignId: campaign.id,
        announcementId: announcement.id,
        applicationId: row.applicationId,
        awardId: row.award.id,
        certificateNo: `${CERTIFICATE_PREFIX}-${year}-${String(sorted[index]).padStart(6, '0')}`,
        brandName: row.item.application.brandName,
        organizationName: row.item.application.organization.name,
        awardName: row.award.name,
        sortOrder: index,
        issuedOn,
      })),
    });
    const awardedEntries = new Set(rows.map((row) => row.applicationId));
    // 选树 with 培育创建 switched on: the honoured brands go on to be cultivated.
    if (await enrolsCultivation(tx, campaign.id)) {
      await enrolCultivations(tx, context, { campaignId: campaign.id, applicationIds: [...new Set(honored.map((row) => row.applicationId))], source: 'announcement' });
    }
    await recordAudit(tx, context, {
      action: 'finalise-campaign',
      entityType: 'Announcement',
      entityId: announcement.id,
      after: {
        campaignId: campaign.id,
        decisionId: final.id,
        title: value.title,
        documentNo: value.documentNo,
        issuedOn: value.issuedOn,
        honors: honored.length,
        withheld: [...withheld].filter((id) => awardedEntries.has(id)),
        onsiteFailed: [...onsiteFailed].filter((id) => awardedEntries.has(id)),
      },
    });
    return { announcementId: announcement.id, campaignId: campaign.id, honors: honored.length };
  });
}

/** 摘牌: the honor stays on record and its certificate verifies as revoked from that date. */
export async function revokeHonor(input: TRevokeHonorInput, context: TContext) {
  const { honorId, reason } = ZRevokeHonor.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM honors WHERE id = ${honorId} FOR UPDATE`;
    const honor = await tx.honor.findUnique({ where: { id: honorId }, select: { id: true, campaignId: true, certificateNo: true, revokedAt: true, campaign: { select: { ownerOrg: { select: { path: true } } } } } });
    if (!honor) throw new AppError('NOT_FOUND', '荣誉记录不存在');
    await assertCampaignAdmin(tx, context.actorId, honor.campaign.ownerOrg.path);
    if (honor.revokedAt) throw new AppError('CONFLICT', '该品牌已经摘牌');
    const revokedAt = await dbNow(tx);
    await tx.honor.update({ where: { id: honor.id }, data: { revokedAt, revokeReason: reason, revokedById: context.actorId } });
    await recordAudit(tx, context, { action: 'revoke-honor', entityType: 'Honor', entityId: honor.id, after: { certificateNo: honor.certificateNo, revokedAt, reason } });
    return { campaignId: honor.campaignId, certificateNo: honor.certificateNo };
  });
}
