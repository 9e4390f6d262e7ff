// Reads of 品牌风采: every brand holding at least one honor that is not revoked (摘牌) or recognised (认定, by 验收认定,
// shown as an award named 认定 whose number is the recognition's), with what the gallery filters on.
// Everything returned is plain JSON (dates as ISO strings) because it goes through Next's data cache (public-cache.ts).
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { regionIdOf } from '@/lib/qualification/pool';

/** Honors of published 表彰决定 only, and never a revoked one. */
const LIVE_HONOR: Prisma.HonorWhereInput = { revokedAt: null, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } };

export type TGalleryAward = { name: string; certificateNo: string; year: number; issuedOn: string };

/** The award name a recognition (认定 after 验收) shows under in the gallery. */
export const RECOGNITION_AWARD_NAME = '认定';

/** A brand recognised by 验收认定 in a campaign shown publicly. */
const LIVE_RECOGNITION: Prisma.CultivationWhereInput = { recognition: { is: { revokedAt: null } }, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } };

export type TGalleryBrand = {
  applicationId: string;
  brandName: string;
  organizationName: string;
  logoFileId: string | null;
  year: number;
  campaignTitle: string;
  /** CampaignField name; null when the campaign had no fields. */
  fieldName: string | null;
  /** The organization one level below the campaign owner on the branch's path (区/县 etc.). */
  regionName: string;
  awards: TGalleryAward[];
};

/** Every honored brand, newest year first, then in 表彰决定 order (award, then rank). */
export async function listGalleryBrands(): Promise<TGalleryBrand[]> {
  const honors = await db.honor.findMany({
    where: LIVE_HONOR,
    orderBy: [{ campaign: { year: 'desc' } }, { issuedOn: 'desc' }, { award: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    select: {
      applicationId: true,
      brandName: true,
      organizationName: true,
      awardName: true,
      certificateNo: true,
      issuedOn: true,
      campaign: { select: { year: true, title: true, ownerOrgId: true } },
      application: { select: { logoFileId: true, field: { select: { name: true } }, organization: { select: { name: true, path: true } } } },
    },
  });
  const regionIds = [...new Set(honors.map((honor) => regionIdOf(honor.application.organization.path, honor.campaign.ownerOrgId)).filter((id): id is string => !!id))];
  const regions = await db.organization.findMany({ where: { id: { in: regionIds } }, select: { id: true, name: true } });
  const regionName = new Map(regions.map((region) => [region.id, region.name]));

  const brands = new Map<string, TGalleryBrand>();
  for (const honor of honors) {
    const award = { name: honor.awardName, certificateNo: honor.certificateNo, year: honor.campaign.year, issuedOn: honor.issuedOn.toISOString() };
    const known = brands.get(honor.applicationId);
    if (known) {
      known.awards.push(award);
      continue;
    }
    const { application, campaign } = honor;
    brands.set(honor.applicationId, {
      applicationId: honor.applicationId,
      brandName: honor.brandName,
      organizationName: honor.organizationName,
      logoFileId: application.logoFileId,
      year: campaign.year,
      campaignTitle: campaign.title,
      fieldName: application.field?.name ?? null,
      regionName: regionName.get(regionIdOf(application.organization.path, campaign.ownerOrgId) ?? '') ?? application.organization.name,
      awards: [award],
    });
  }
  await addRecognitions(brands);
  return [...brands.values()].sort((a, b) => b.year - a.year);
}

/** Recognised brands join the list (or the entry they were honoured with) with an award named 认定. */
async function addRecognitions(brands: Map<string, TGalleryBrand>) {
  const cultivations = await db.cultivation.findMany({
    where: LIVE_RECOGNITION,
    orderBy: { recognisedAt: 'desc' },
    select: {
      applicationId: true,
      recognition: { select: { recognitionNo: true, brandName: true, organizationName: true, issuedOn: true } },
      campaign: { select: { year: true, title: true, ownerOrgId: true } },
      application: { select: { logoFileId: true, field: { select: { name: true } }, organization: { select: { name: true, path: true } } } },
    },
  });
  const regionIds = [...new Set(cultivations.map((row) => regionIdOf(row.application.organization.path, row.campaign.ownerOrgId)).filter((id): id is string => !!id))];
  const regions = await db.organization.findMany({ where: { id: { in: regionIds } }, select: { id: true, name: true } });
  const regionName = new Map(regions.map((region) => [region.id, region.name]));
  for (const { applicationId, recognition, campaign, application } of cultivations) {
    if (!recognition) continue;
    const award = { name: RECOGNITION_AWARD_NAME, certificateNo: recognition.recognitionNo, year: campaign.year, issuedOn: recognition.issuedOn.toISOString() };
    const known = brands.get(applicationId);
    if (known) {
      known.awards.push(award);
      continue;
    }
    brands.set(applicationId, {
      applicationId,
      brandName: recognition.brandName,
      organizationName: recognition.organizationName,
      logoFileId: application.logoFileId,
      year: campaign.year,
      campaignTitle: campaign.title,
      fieldName: application.field?.name ?? null,
      regionName: regionName.get(regionIdOf(application.organization.path, campaign.ownerOrgId) ?? '') ?? application.organization.name,
      awards: [award],
    });
  }
}

export type TGalleryPhoto = { fileId: string; caption: string };

export type TGalleryBrandDetail = TGalleryBrand & { slogan: string; essence: string; carriers: string; practices: string; photos: TGalleryPhoto[] };

/** One honored or recognised brand's page; null when the application holds neither any more. */
export async function loadGalleryBrand(brand: TGalleryBrand): Promise<TGalleryBrandDetail | null> {
  const application = await db.application.findFirst({
    where: { id: brand.applicationId, OR: [{ awardedHonors: { some: LIVE_HONOR } }, { cultivation: LIVE_RECOGNITION }] },
    select: {
      slogan: true,
      essence: true,
      carriers: true,
      practices: true,
      attachments: { where: { slot: 'PHOTO' }, orderBy: { sortOrder: 'asc' }, select: { fileId: true, caption: true } },
    },
  });
  if (!application) return null;
  const { attachments, ...texts } = application;
  return { ...brand, ...texts, photos: attachments };
}
