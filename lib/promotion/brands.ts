// The brands a 宣传画册 may show: those of the owner's subtree holding a live honour (表彰, not revoked, in a published
// campaign) or a live recognition (认定, not 摘牌); and what a brochure page needs of each.
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';

const LIVE_HONOR: Prisma.HonorWhereInput = { revokedAt: null, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } };
const LIVE_RECOGNITION: Prisma.RecognitionWhereInput = { revokedAt: null };

export function eligibleBrandWhere(ownerPath: string): Prisma.BrandWhereInput {
  return {
    organization: { path: { startsWith: ownerPath } },
    OR: [{ applications: { some: { awardedHonors: { some: LIVE_HONOR } } } }, { cultivations: { some: { recognition: { is: LIVE_RECOGNITION } } } }],
  };
}

export type TBrochureChoice = { id: string; name: string; organizationName: string };

/** Brands a brochure of `ownerPath` may show, by organization then name. */
export async function eligibleBrands(ownerPath: string): Promise<TBrochureChoice[]> {
  const brands = await db.brand.findMany({
    where: eligibleBrandWhere(ownerPath),
    select: { id: true, name: true, organization: { select: { name: true, path: true } } },
    orderBy: [{ organization: { path: 'asc' } }, { name: 'asc' }],
  });
  return brands.map((brand) => ({ id: brand.id, name: brand.name, organizationName: brand.organization.name }));
}

export type TBrochureBrand = {
  id: string;
  name: string;
  organizationName: string;
  slogan: string;
  essence: string;
  logo: { storageKey: string; mimeType: string } | null;
  photos: { storageKey: string; mimeType: string; caption: string }[];
  /** 表彰 and 认定, newest first: "2025年 优秀党建品牌" */
  honours: string[];
};

/** What each page of the brochure shows, in the brochure's order; a brand no longer eligible (摘牌) is left out. */
export async function brochureBrands(ownerPath: string, brandIds: readonly string[]): Promise<TBrochureBrand[]> {
  const brands = await db.brand.findMany({
    where: { id: { in: [...brandIds] }, ...eligibleBrandWhere(ownerPath) },
    select: {
      id: true,
      name: true,
      organization: { select: { name: true } },
      applications: {
        where: { status: { not: 'DRAFT' } },
        orderBy: [{ campaign: { year: 'desc' } }, { submittedAt: 'desc' }],
        select: {
          slogan: true,
          essence: true,
          logoFile: { select: { storageKey: true, mimeType: true } },
          attachments: { where: { slot: 'PHOTO' }, orderBy: { sortOrder: 'asc' }, take: 2, select: { caption: true, file: { select: { storageKey: true, mimeType: true } } } },
          awardedHonors: { where: LIVE_HONOR, select: { awardName: true, issuedOn: true, campaign: { select: { year: true } } } },
        },
      },
      cultivations: { where: { recognition: { is: LIVE_RECOGNITION } }, select: { recognition: { select: { recognitionNo: true, issuedOn: true } } } },
    },
  });
  const byId = new Map(brands.map((brand) => [brand.id, brand]));
  return brandIds.flatMap((id) => {
    const brand = byId.get(id);
    if (!brand) return [];
    const latest = brand.applications[0];
    const withLogo = brand.applications.find((application) => application.logoFile);
    const honours = [
      ...brand.applications.flatMap((application) => application.awardedHonors.map((honor) => ({ on: honor.issuedOn, text: `${honor.campaign.year}年 ${honor.awardName}` }))),
      ...brand.cultivations.flatMap((cultivation) =>
        cultivation.recognition ? [{ on: cultivation.recognition.issuedOn, text: `${cultivation.recognition.issuedOn.getUTCFullYear()}年 认定党建品牌（${cultivation.recognition.recognitionNo}）` }] : [],
      ),
    ].sort((a, b) => b.on.getTime() - a.on.getTime());
    return [
      {
        id: brand.id,
        name: brand.name,
        organizationName: brand.organization.name,
        slogan: latest?.slogan ?? '',
        essence: latest?.essence ?? '',
        logo: withLogo?.logoFile ?? null,
        photos: (brand.applications.find((application) => application.attachments.length)?.attachments ?? []).map((photo) => ({ ...photo.file, caption: photo.caption })),
        honours: [...new Set(honours.map((honour) => honour.text))],
      },
    ];
  });
}
