// 分层次选树、梯次培育: a brand honoured by a district campaign may be declared again in a city campaign; reviewers and
// staff there see the honours it already holds (of the same lasting brand, in other campaigns), 摘牌 included.
import { db, type TDb, type TTx } from '@/lib/db';

export type TEarlierHonour = {
  id: string;
  campaignId: string;
  campaignTitle: string;
  year: number;
  batch: number | null;
  ownerOrgName: string;
  awardName: string;
  certificateNo: string;
  issuedOn: Date;
  revokedAt: Date | null;
};

/** The honours the entries' brands hold from other campaigns, newest first, per application id. */
export async function earlierHonoursOf(applicationIds: readonly string[], client: TDb | TTx = db): Promise<Map<string, TEarlierHonour[]>> {
  const result = new Map<string, TEarlierHonour[]>();
  if (!applicationIds.length) return result;
  const entries = await client.application.findMany({ where: { id: { in: [...applicationIds] }, brandId: { not: null } }, select: { id: true, brandId: true, campaignId: true } });
  if (!entries.length) return result;
  const honours = await client.honor.findMany({
    where: { application: { brandId: { in: entries.map((entry) => entry.brandId!) } } },
    orderBy: [{ issuedOn: 'desc' }, { sortOrder: 'asc' }],
    select: {
      id: true,
      campaignId: true,
      awardName: true,
      certificateNo: true,
      issuedOn: true,
      revokedAt: true,
      application: { select: { brandId: true } },
      campaign: { select: { title: true, year: true, batch: true, ownerOrg: { select: { name: true } } } },
    },
  });
  for (const entry of entries) {
    result.set(
      entry.id,
      honours
        .filter((honour) => honour.application.brandId === entry.brandId && honour.campaignId !== entry.campaignId)
        .map((honour) => ({
          id: honour.id,
          campaignId: honour.campaignId,
          campaignTitle: honour.campaign.title,
          year: honour.campaign.year,
          batch: honour.campaign.batch,
          ownerOrgName: honour.campaign.ownerOrg.name,
          awardName: honour.awardName,
          certificateNo: honour.certificateNo,
          issuedOn: honour.issuedOn,
          revokedAt: honour.revokedAt,
        })),
    );
  }
  return result;
}

export async function earlierHonoursOfEntry(applicationId: string): Promise<TEarlierHonour[]> {
  return (await earlierHonoursOf([applicationId])).get(applicationId) ?? [];
}
