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

const PLAN_STATUS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '已提交，待审核', APPROVED: '已批准', RETURNED: '已退回' };

/** 创建方案: submitted, then approved or returned (with the reason). */
export const planSource: TTimelineSource = async (brandId) => {
  const rows = await db.cultivationPlan.findMany({
    where: { cultivation: { brandId } },
    select: { id: true, status: true, submittedAt: true, decidedAt: true, returnReason: true, cultivationId: true, cultivation: { select: { campaign: { select: { title: true } } } } },
  });
  return rows.flatMap((row): TTimelineItem[] => {
    const href = `/cultivation/${row.cultivationId}/plan`;
    const items: TTimelineItem[] = [];
    if (row.submittedAt) items.push({ key: `plan-submitted:${row.id}`, at: row.submittedAt, kind: '创建方案', title: `提交创建方案（${row.cultivation.campaign.title}）`, detail: `当前：${PLAN_STATUS[row.status] ?? row.status}`, href, tone: 'info' });
    if (row.decidedAt && (row.status === 'APPROVED' || row.status === 'RETURNED')) {
      const approved = row.status === 'APPROVED';
      items.push({ key: `plan-decided:${row.id}`, at: row.decidedAt, kind: '创建方案', title: approved ? '创建方案获批准' : '创建方案被退回', detail: approved ? undefined : (row.returnReason ?? undefined), href, tone: approved ? 'success' : 'warning' });
    }
    return items;
  });
};

/** 台帐: each month's 上报, on time or late. */
export const ledgerSource: TTimelineSource = async (brandId) => {
  const rows = await db.ledgerReport.findMany({
    where: { cultivation: { brandId } },
    select: { id: true, month: true, reportedAt: true, isLate: true, entryCount: true, cultivationId: true },
  });
  return rows.map((row): TTimelineItem => {
    const month = row.month.toISOString().slice(0, 7);
    return {
      key: `ledger:${row.id}`,
      at: row.reportedAt,
      kind: '台帐',
      title: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月台帐上报`,
      detail: `${row.isLate ? '逾期上报' : '按时上报'} · ${row.entryCount} 条记录`,
      href: `/cultivation/${row.cultivationId}/ledger?month=${month}`,
      tone: row.isLate ? 'warning' : 'neutral',
    };
  });
};

const ACCEPTANCE_OUTCOME: Record<string, string> = { PASSED: '验收通过，予以认定', FAILED: '验收不通过' };

/** 验收认定: each round's request and outcome, the 认定 number, and a later 摘牌 of the 认定. */
export const acceptanceSource: TTimelineSource = async (brandId) => {
  const rows = await db.acceptanceRequest.findMany({
    where: { cultivation: { brandId } },
    select: {
      id: true,
      round: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      findings: true,
      recognition: { select: { id: true, recognitionNo: true, revokedAt: true, revokeReason: true } },
    },
  });
  return rows.flatMap((row): TTimelineItem[] => {
    const href = `/acceptance/requests/${row.id}`;
    const items: TTimelineItem[] = [{ key: `acceptance:${row.id}`, at: row.requestedAt, kind: '验收', title: `第 ${row.round} 次申请验收`, href, tone: 'info' }];
    if (row.decidedAt && ACCEPTANCE_OUTCOME[row.status]) {
      const passed = row.status === 'PASSED';
      items.push({
        key: `acceptance-decided:${row.id}`,
        at: row.decidedAt,
        kind: '验收',
        title: ACCEPTANCE_OUTCOME[row.status]!,
        detail: passed ? (row.recognition ? `认定编号 ${row.recognition.recognitionNo}` : undefined) : row.findings || undefined,
        href,
        tone: passed ? 'success' : 'warning',
      });
    }
    if (row.recognition?.revokedAt) {
      items.push({ key: `recognition-revoked:${row.recognition.id}`, at: row.recognition.revokedAt, kind: '摘牌', title: `撤销认定（${row.recognition.recognitionNo}）`, detail: row.recognition.revokeReason ?? undefined, tone: 'warning' });
    }
    return items;
  });
};

/** Every source of the timeline; other domains add theirs here. */
export const SOURCES: readonly TTimelineSource[] = [declarationSource, honourSource, cultivationSource, planSource, ledgerSource, acceptanceSource];

/** The brand's whole life, newest first. */
export async function brandTimeline(brandId: string, sources: readonly TTimelineSource[] = SOURCES): Promise<TTimelineItem[]> {
  const items = (await Promise.all(sources.map((source) => source(brandId)))).flat();
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key));
}
