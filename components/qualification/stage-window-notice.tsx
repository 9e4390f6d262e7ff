import { Alert } from '@/components/ui/alert';
import type { TStageStatus, TStageWindow } from '@/lib/campaign/stages';
import { formatDateTime } from '@/lib/format';

type TProps = { stages: readonly TStageWindow[]; status: TStageStatus; purpose: 'qualify' | 'publish' };

/** Where the 资格审查 stage stands by database time, and what that allows on this page. */
export function StageWindowNotice({ stages, status, purpose }: TProps) {
  const stage = stages.find((candidate) => candidate.kind === 'QUALIFICATION');
  const window = stage ? `${formatDateTime(stage.startsAt)} 至 ${formatDateTime(stage.endsAt)}` : '';
  if (status === 'open') {
    return <Alert tone="info">资格审查阶段进行中（{window}）。{purpose === 'qualify' ? '阶段结束后审查结果不能再修改。' : '可随时发布品牌清单；发布后如有变动，请发布新版本并写明理由。'}</Alert>;
  }
  if (status === 'upcoming') {
    return <Alert tone="warning">资格审查阶段尚未开始（{window}）。{purpose === 'qualify' ? '开始后才能审查，现在只能查看。' : ''}</Alert>;
  }
  if (status === 'closed') {
    return <Alert tone="warning">资格审查阶段已结束（{window}）。{purpose === 'qualify' ? '审查结果已锁定，只能查看和导出。' : '仍可按已通过的结果发布新版本。'}</Alert>;
  }
  return <Alert tone="warning">本活动未安排资格审查阶段。</Alert>;
}
