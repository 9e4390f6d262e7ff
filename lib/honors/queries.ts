// Reads of the 表彰决定 and its honors: the public document (winners grouped by award), one certificate by number, and
// the staff list of a campaign.
import { db } from '@/lib/db';
import { RECOGNITION_AWARD_NAME } from '@/lib/gallery/queries';

type THonorLine = { id: string; awardId: string; awardName: string; brandName: string; organizationName: string };

/** Honors in 表彰决定 order (award order, then rank: finalise numbered them so) grouped by award. */
export function groupByAward<T extends THonorLine>(honors: readonly T[]) {
  const groups: { awardId: string; awardName: string; honors: T[] }[] = [];
  for (const honor of honors) {
    const group = groups.find((candidate) => candidate.awardId === honor.awardId);
    if (group) group.honors.push(honor);
    else groups.push({ awardId: honor.awardId, awardName: honor.awardName, honors: [honor] });
  }
  return groups;
}

/** The published 表彰决定 of a campaign with its winners by award; null before it is published. */
export async function loadAnnouncement(campaignId: string) {
  const announcement = await db.announcement.findFirst({
    where: { campaignId, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } },
    select: {
      id: true,
      title: true,
      documentNo: true,
      preamble: true,
      issuedOn: true,
      publishedAt: true,
      campaign: { select: { id: true, title: true, year: true, ownerOrg: { select: { name: true } } } },
      honors: {
        orderBy: [{ award: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
        select: { id: true, applicationId: true, awardId: true, awardName: true, brandName: true, organizationName: true },
      },
    },
  });
  if (!announcement) return null;
  const { honors, ...rest } = announcement;
  // An entry holding several awards is listed under each; it counts once.
  return { ...rest, issuerName: announcement.campaign.ownerOrg.name, groups: groupByAward(honors), total: new Set(honors.map((honor) => honor.applicationId)).size };
}

export type TAnnouncement = NonNullable<Awaited<ReturnType<typeof loadAnnouncement>>>;

/** One honor by its certificate number, with what the certificate prints and what its download checks. */
export async function findHonorByCertificateNo(certificateNo: string) {
  const honor = await db.honor.findUnique({
    where: { certificateNo },
    select: {
      id: true,
      certificateNo: true,
      brandName: true,
      organizationName: true,
      awardName: true,
      issuedOn: true,
      revokedAt: true,
      campaign: { select: { title: true, ownerOrg: { select: { name: true, path: true } } } },
      application: { select: { organization: { select: { path: true } } } },
    },
  });
  if (!honor) return null;
  return {
    id: honor.id,
    certificateNo: honor.certificateNo,
    brandName: honor.brandName,
    organizationName: honor.organizationName,
    awardName: honor.awardName,
    issuedOn: honor.issuedOn,
    revokedAt: honor.revokedAt,
    campaignTitle: honor.campaign.title,
    issuerName: honor.campaign.ownerOrg.name,
    ownerPath: honor.campaign.ownerOrg.path,
    branchPath: honor.application.organization.path,
  };
}

export type TCertificateHonor = NonNullable<Awaited<ReturnType<typeof findHonorByCertificateNo>>>;

/** The wording of a recognition's certificate (验收认定): "在…中通过验收，予以认定". */
export const recognitionPhrase = (campaignTitle: string) => `在${campaignTitle}中通过验收，予以`;

/** A recognition (认定 after 验收, DJRD-…) in the shape of an honor's certificate, with its 摘牌 if revoked. */
export async function findRecognitionByNo(recognitionNo: string) {
  const recognition = await db.recognition.findUnique({
    where: { recognitionNo },
    select: {
      id: true,
      recognitionNo: true,
      brandName: true,
      organizationName: true,
      issuedOn: true,
      revokedAt: true,
      cultivation: { select: { campaign: { select: { title: true, ownerOrg: { select: { name: true, path: true } } } }, brand: { select: { organization: { select: { path: true } } } } } },
    },
  });
  if (!recognition) return null;
  const { campaign, brand } = recognition.cultivation;
  return {
    id: recognition.id,
    certificateNo: recognition.recognitionNo,
    brandName: recognition.brandName,
    organizationName: recognition.organizationName,
    awardName: RECOGNITION_AWARD_NAME,
    issuedOn: recognition.issuedOn,
    revokedAt: recognition.revokedAt,
    campaignTitle: campaign.title,
    issuerName: campaign.ownerOrg.name,
    ownerPath: campaign.ownerOrg.path,
    branchPath: brand.organization.path,
    phrase: recognitionPhrase(campaign.title),
    title: '认定证书',
  };
}

/** Every honor of a campaign for its staff page, in 表彰决定 order, with the 摘牌 record. */
export async function loadCampaignHonors(campaignId: string) {
  const [announcement, honors] = await Promise.all([
    db.announcement.findUnique({ where: { campaignId }, select: { id: true, title: true, documentNo: true, issuedOn: true, publishedAt: true } }),
    db.honor.findMany({
      where: { campaignId },
      orderBy: [{ award: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
      select: {
        id: true,
        certificateNo: true,
        awardId: true,
        awardName: true,
        brandName: true,
        organizationName: true,
        issuedOn: true,
        revokedAt: true,
        revokeReason: true,
        revokedBy: { select: { displayName: true } },
      },
    }),
  ]);
  return { announcement, honors, revoked: honors.filter((honor) => honor.revokedAt).length };
}

export type TCampaignHonors = Awaited<ReturnType<typeof loadCampaignHonors>>;

/**
 * The certificates of a campaign for the batch PDF: every honor of its 表彰决定 not 摘牌 (a revoked certificate is void
 * and is not printed again), in 表彰决定 order; with the campaign's owner path for the download's WHO check. Null when
 * the campaign does not exist.
 */
export async function loadCampaignCertificates(campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: { id: true, title: true, ownerOrg: { select: { name: true, path: true } }, announcement: { select: { title: true, publishedAt: true } } },
  });
  if (!campaign) return null;
  const honors = await db.honor.findMany({
    where: { campaignId, revokedAt: null },
    orderBy: [{ award: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { certificateNo: 'asc' }],
    select: { certificateNo: true, brandName: true, organizationName: true, awardName: true, issuedOn: true },
  });
  return {
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    issuerName: campaign.ownerOrg.name,
    ownerPath: campaign.ownerOrg.path,
    announcementTitle: campaign.announcement?.title ?? null,
    certificates: honors.map((honor) => ({ ...honor, campaignTitle: campaign.title, issuerName: campaign.ownerOrg.name, revokedAt: null })),
  };
}

export type TCampaignCertificates = NonNullable<Awaited<ReturnType<typeof loadCampaignCertificates>>>;
