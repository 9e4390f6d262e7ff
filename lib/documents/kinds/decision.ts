// 初评/审定 决定表 (部务会初评, 领导小组审定): the entries awarded and not, with rank, score, award and the reason of a
// change, the meeting, the signing boxes. `item` picks a version; omitted = the newest.
import { db } from '@/lib/db';
import { formatDate, formatDateTime } from '@/lib/format';
import type { DecisionKind } from '@/lib/generated/prisma/enums';
import type { TDocumentColumn, TDocumentContent } from '@/lib/documents/types';
import type { TDocumentKind } from '@/lib/documents/kind';
import { DECISION_KIND_LABELS, getDecision, type TDecisionDetail } from '@/lib/review/decision-queries';
import { awardNamesOf } from '@/lib/review/queries';

type TDecisionRow = TDecisionDetail['items'][number];

const COLUMNS: TDocumentColumn[] = [
  { header: '名次', width: 34, sheetWidth: 7, center: true },
  { header: '品牌名称', width: 150, sheetWidth: 22 },
  { header: '申报单位', width: 130, sheetWidth: 24 },
  { header: '领域', width: 66, sheetWidth: 12 },
  { header: '综合得分', width: 56, sheetWidth: 9, center: true },
  { header: '决定', width: 100, sheetWidth: 18 },
  { header: '调整理由', width: null, sheetWidth: 30 },
];

export function decisionContent(campaignTitle: string, decision: TDecisionDetail, awardName: ReadonlyMap<string, string>): TDocumentContent {
  const cells = (row: TDecisionRow) => [
    row.rank,
    row.application.brandName,
    row.application.organization.name,
    row.application.field?.name ?? '',
    row.score.toFixed(2),
    row.awardIds.length ? row.awardIds.map((id) => awardName.get(id) ?? '').join('、') : '不授奖',
    row.changeReason ?? '',
  ];
  const awarded = decision.items.filter((item) => item.awardIds.length);
  const others = decision.items.filter((item) => !item.awardIds.length);
  const signed = decision.signedAt ? `签署：${decision.signedBy?.displayName ?? ''} ${formatDateTime(decision.signedAt)}` : '（草稿，未签署）';
  return {
    title: `${campaignTitle} ${DECISION_KIND_LABELS[decision.kind]}决定表`,
    subtitle: `会议日期：${formatDate(decision.meetingDate)}    参会人员：${decision.attendees}    第 ${decision.version} 版 · ${signed}`,
    landscape: true,
    sections: [
      ...(decision.correctionReason ? [{ type: 'paragraph' as const, text: `更正理由：${decision.correctionReason}` }] : []),
      { type: 'table', heading: `授奖品牌（${awarded.length} 个）`, sheetName: DECISION_KIND_LABELS[decision.kind], columns: COLUMNS, rows: awarded.map(cells), empty: '（未授予任何奖项）' },
      ...(others.length ? [{ type: 'table' as const, heading: `未授奖（${others.length} 个）`, sheetName: '未授奖', columns: COLUMNS, rows: others.map(cells), empty: '' }] : []),
      { type: 'signature', labels: ['会议主持人签字：', '记录人签字：', '日期：______年____月____日'] },
    ],
  };
}

function decisionKind(kind: DecisionKind): TDocumentKind {
  return {
    label: `${DECISION_KIND_LABELS[kind]}决定表`,
    description: kind === 'PRELIMINARY' ? '部务会初评的授奖建议：授奖与未授奖品牌、名次、得分与调整理由（最新一版）' : '领导小组审定的表彰结果：授奖与未授奖品牌、名次、得分与调整理由（最新一版）',
    audience: 'owner',
    formats: ['pdf', 'xlsx'],
    programs: ['SELECTION'],
    async build({ campaign, item }) {
      const latest = item ? { id: item } : await db.decision.findFirst({ where: { campaignId: campaign.id, kind }, orderBy: { version: 'desc' }, select: { id: true } });
      const decision = latest && (await getDecision(latest.id, campaign.id));
      if (!decision || decision.kind !== kind) return `尚无${DECISION_KIND_LABELS[kind]}决定`;
      return decisionContent(campaign.title, decision, await awardNamesOf(campaign.id));
    },
  };
}

export const preliminaryDecisionKind = decisionKind('PRELIMINARY');
export const finalDecisionKind = decisionKind('FINAL');
