// Reads of 品牌风采: every brand holding at least one honor that is not revoked (摘牌), with what the gallery filters on.
// Everything returned is plain JSON (dates as ISO strings) because it goes through Next's data cache (public-cache.ts).
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { regionIdOf } from '@/lib/qualification/pool';

/** Honors of published 表彰决定 only, and never a revoked one. */
const LIVE_HONOR: Prisma.HonorWhereInput = { revokedAt: null, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } };

export type TGalleryAward = { name: string; certificateNo: string; year: number; issuedOn: string };

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
  return [...brands.values()];
}

export type TGalleryPhoto = { fileId: string; caption: string };

export type TGalleryBrandDetail = TGalleryBrand & { slogan: string; essence: string; carriers: string; practices: string; photos: TGalleryPhoto[] };

/** One honored brand's page; null when the application holds no live honor. */
export async function loadGalleryBrand(brand: TGalleryBrand): Promise<TGalleryBrandDetail | null> {
  const application = await db.application.findFirst({
    where: { id: brand.applicationId, awardedHonors: { some: LIVE_HONOR } },
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
