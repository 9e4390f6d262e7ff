import { db } from '@/lib/db';
import { groupEntries } from '@/lib/brand-list/groups';
import { listedApplicationIds } from '@/lib/brand-list/listed';

/**
 * Every published version of a campaign's list, newest first, with what changed against the version before; the latest
 * also with the entries that have left the 品牌清单 since it was published (returned for 重新申报: lib/brand-list/listed).
 */
export async function listBrandListVersions(campaignId: string) {
  const [lists, listed] = await Promise.all([
    db.brandList.findMany({
      where: { campaignId },
      select: { id: true, version: true, reason: true, publishedAt: true, publishedBy: { select: { displayName: true } }, entries: { select: { applicationId: true, brandName: true, organizationName: true } } },
      orderBy: { version: 'asc' },
    }),
    listedApplicationIds(db, campaignId),
  ]);
  let previous: Set<string> | null = null;
  const versions = lists.map(({ entries, publishedBy, ...list }, index) => {
    const ids = new Set(entries.map((entry) => entry.applicationId));
    const change = previous && { added: [...ids].filter((id) => !previous!.has(id)).length, removed: [...previous].filter((id) => !ids.has(id)).length };
    previous = ids;
    const left = index === lists.length - 1 ? entries.filter((entry) => !listed.has(entry.applicationId)) : [];
    return { ...list, publisherName: publishedBy?.displayName ?? null, entryCount: ids.size, change, left };
  });
  return versions.reverse();
}

export type TBrandListVersion = Awaited<ReturnType<typeof listBrandListVersions>>[number];

/**
 * The public 品牌清单 of a campaign: the chosen version (default the latest) grouped by field and by region, and every
 * version with its time and reason. Null when the campaign is unknown or not public.
 */
export async function getPublicBrandList(campaignId: string, requestedVersion?: number) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, status: { in: ['PUBLISHED', 'FINISHED'] } },
    select: { id: true, title: true, year: true, batch: true, ownerOrg: { select: { name: true, shortName: true } } },
  });
  if (!campaign) return null;
  const versions = await db.brandList.findMany({
    where: { campaignId },
    select: { version: true, reason: true, publishedAt: true, _count: { select: { entries: true } } },
    orderBy: { version: 'desc' },
  });
  const selected = versions.find((list) => list.version === requestedVersion) ?? versions[0];
  if (!selected) return { campaign, versions: [], selected: null };
  const isLatest = selected.version === versions[0].version;
  const [published, listed] = await Promise.all([
    db.brandListEntry.findMany({
      where: { list: { campaignId, version: selected.version } },
      select: { applicationId: true, brandName: true, organizationName: true, fieldName: true, regionName: true },
      orderBy: { sortOrder: 'asc' },
    }),
    isLatest ? listedApplicationIds(db, campaignId) : null,
  ]);
  // The latest version shows the 品牌清单 as it stands: an entry returned since has left it. Older versions are history.
  const entries = listed ? published.filter((entry) => listed.has(entry.applicationId)) : published;
  return {
    campaign,
    versions: versions.map(({ _count, ...list }) => ({ ...list, entryCount: _count.entries })),
    selected: {
      version: selected.version,
      publishedAt: selected.publishedAt,
      reason: selected.reason,
      isLatest,
      entries,
      /** Entries of this (latest) version returned for 重新申报 since it was published. */
      leftCount: published.length - entries.length,
      byField: groupEntries(entries, 'fieldName'),
      byRegion: groupEntries(entries, 'regionName'),
    },
  };
}

/** Which of these campaigns have a published list, for links from the home page. */
export async function campaignsWithBrandList(campaignIds: readonly string[]): Promise<Set<string>> {
  if (!campaignIds.length) return new Set();
  const rows = await db.brandList.findMany({ where: { campaignId: { in: [...campaignIds] } }, select: { campaignId: true }, distinct: ['campaignId'] });
  return new Set(rows.map((row) => row.campaignId));
}
