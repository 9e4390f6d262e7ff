// The staff brand timeline is assembled from one source per domain. To add a domain's events (创建方案, 台帐, 验收轮次 …):
// write a TTimelineSource in that domain (or here), add the domain to 'brand-timeline' in eslint/lib-domains.mjs, and
// list the source below.
import { db } from '@/lib/db';
import { CULTIVATION_STATUS_LABELS } from '@/lib/brand/labels';
import type { TTimelineItem, TTimelineSource } from '@/lib/brand-timeline/types';

const STATUS_LABELS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '已提交', RETURNED: '已退回', WITHDRAWN: '已撤回' };

const batchOf = (batch: number | null) => (batch ? ` · 第${batch}批` : '');

/** Every declaration of the brand, across years and batches. */
export const declarationSource: TTimelineSource = async (brandId) => {
  const rows = await db.application.findMany({
    where: { brandId },
    select: { id: true, brandName: true, status: true, submittedAt: true, createdAt: true, campaign: { select: { id: true, title: true, year: true, batch: true } } },
  });
  return rows.map(
    (row): TTimelineItem => ({
      key: `declaration:${row.id}`,
      at: row.submittedAt ?? row.createdAt,
      kind: '申报',
      title: `${row.campaign.year}年 ${row.campaign.title}${batchOf(row.campaign.batch)}`,
      detail: `以“${row.brandName}”申报 · ${STATUS_LABELS[row.status] ?? row.status}`,
      href: `/committee/applications/${row.id}`,
      tone: 'info',
    }),
  );
};

/** Honours (表彰) and their 摘牌. */
export const honourSource: TTimelineSource = async (brandId) => {
  const rows = await db.honor.findMany({
    where: { application: { brandId } },
    select: { id: true, awardName: true, certificateNo: true, issuedOn: true, revokedAt: true, revokeReason: true, campaign: { select: { id: true, title: true } } },
  });
  return rows.flatMap((row): TTimelineItem[] => [
    {
      key: `honour:${row.id}`,
      at: row.issuedOn,
      kind: '表彰',
      title: `${row.awardName}（${row.campaign.title}）`,
      detail: `证书编号 ${row.certificateNo}`,
      href: `/admin/campaigns/${row.campaign.id}/honors`,
      tone: 'success',
    },
    ...(row.revokedAt
      ? [{ key: `revoke:${row.id}`, at: row.revokedAt, kind: '摘牌', title: `撤销“${row.awardName}”`, detail: row.revokeReason ?? undefined, tone: 'warning' as const }]
      : []),
  ]);
};

/** Cultivations (培育创建) and where they stand. */
export const cultivationSource: TTimelineSource = async (brandId) => {
  const rows = await db.cultivation.findMany({
    where: { brandId },
    select: { id: true, status: true, startedAt: true, recognisedAt: true, endedAt: true, campaign: { select: { id: true, title: true } } },
  });
  return rows.flatMap((row): TTimelineItem[] => [
    {
      key: `cultivation:${row.id}`,
      at: row.startedAt,
      kind: '培育',
      title: `列入培育创建（${row.campaign.title}）`,
      detail: `当前：${CULTIVATION_STATUS_LABELS[row.status]}`,
      href: `/admin/campaigns/${row.campaign.id}`,
      tone: 'brand',
    },
    ...(row.recognisedAt ? [{ key: `recognised:${row.id}`, at: row.recognisedAt, kind: '认定', title: `通过验收认定（${row.campaign.title}）`, tone: 'success' as const }] : []),
    ...(row.endedAt ? [{ key: `ended:${row.id}`, at: row.endedAt, kind: '培育结束', title: `培育创建结束（${row.campaign.title}）`, tone: 'muted' as const }] : []),
  ]);
};

/** Every source of the timeline; other domains add theirs here. */
export const SOURCES: readonly TTimelineSource[] = [declarationSource, honourSource, cultivationSource];

/** The brand's whole life, newest first. */
export async function brandTimeline(brandId: string, sources: readonly TTimelineSource[] = SOURCES): Promise<TTimelineItem[]> {
  const items = (await Promise.all(sources.map((source) => source(brandId)))).flat();
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key));
}
