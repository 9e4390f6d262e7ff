// 验收意见书: the rows the A4 page and the PDF both print, from a decided request.
import { formatDate } from '@/lib/format';
import type { TAcceptanceRequestView } from '@/lib/acceptance/queries';
import { acceptanceScore, formatScore } from '@/lib/acceptance/results';

export type TOpinionRow = { label: string; value: string };

const total = (scores: number[]) => scores.reduce((sum, points) => sum + points, 0);

export function opinionRows(request: TAcceptanceRequestView): TOpinionRow[] {
  const { cultivation } = request;
  const submitted = request.experts.filter((expert) => expert.submittedAt);
  const average = formatScore(acceptanceScore(request.experts).mean);
  const conclusion = request.status === 'PASSED' ? '通过，予以认定' : request.status === 'FAILED' ? '不通过，继续培育创建' : '尚未作出结论';
  return [
    { label: '品牌名称', value: `“${cultivation.brand.name}”` },
    { label: '创建单位', value: cultivation.brand.organization.name },
    { label: '所属活动', value: cultivation.campaign.title },
    { label: '申请日期', value: `${formatDate(request.requestedAt)}（第 ${request.round} 次申请）` },
    { label: '台帐情况', value: `已上报 ${request.ledgerMonths} 个月，台帐 ${request.ledgerEntries} 条` },
    { label: '验收组', value: request.experts.map((expert) => expert.expert.displayName).join('、') || '—' },
    {
      label: '评分（五词）',
      value: submitted.map((expert) => `${expert.expert.displayName}：${request.criteria.map((criterion, index) => `${criterion.name.replace(/（.*）/, '')}${expert.scores[index] ?? 0}`).join(' ')}，合计 ${total(expert.scores)}`).join('\n') || '—',
    },
    { label: '平均得分', value: average },
    { label: '实地核验', value: request.onsiteNote || '—' },
    { label: '验收意见', value: request.findings || '—' },
    { label: '验收结论', value: conclusion },
    ...(request.recognition ? [{ label: '认定编号', value: request.recognition.recognitionNo }] : []),
    { label: '结论日期', value: formatDate(request.decidedAt) },
  ];
}
