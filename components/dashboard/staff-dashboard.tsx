// The staff dashboard ("where do we stand"): every chart with its data table, every number a link to its list.
import Link from 'next/link';
import { ChartFigure } from '@/components/charts/chart-figure';
import type { TCell, TTable } from '@/components/charts/data-table';
import { columns, heatMap, horizontalBars, voteCurve } from '@/components/dashboard/options';
import { dashboardLinks, type TAudience } from '@/lib/dashboard/links';
import type { TFunnelRow, TStaffDashboard } from '@/lib/dashboard/types';
import type { StageKind } from '@/lib/generated/prisma/enums';

const cell = (text: number | string, href?: string | null): TCell => (href ? { text, href } : text);
const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

export function StaffDashboard({ board, audience }: { board: TStaffDashboard; audience: TAudience }) {
  const links = dashboardLinks(board.campaign.id, audience);
  /** Only the figures of stages this campaign has (a 创建认定 campaign has no recommendation, review, vote or 公示). */
  const has = (kind: StageKind) => board.campaign.stages.includes(kind);
  const { funnel, votes } = board;
  const stageLabels = funnel.stages.map((stage) => stage.label);
  const funnelTable = (rows: readonly TFunnelRow[], first: string, filter: (row: TFunnelRow) => { field?: string; within?: string }): TTable => ({
    columns: [first, ...stageLabels],
    rows: rows.map((row) => [row.name, ...row.counts.map((value, index) => cell(value, links.applications({ ...filter(row), stage: funnel.stages[index]!.key })))]),
  });
  /** Per group: declared, listed and honoured side by side, each bar a link. */
  const funnelBars = (rows: readonly TFunnelRow[], filter: (row: TFunnelRow) => { field?: string; within?: string }) =>
    horizontalBars(
      rows.map((row) => row.name),
      [0, 2, 5].map((index) => ({
        name: stageLabels[index]!,
        data: rows.map((row) => ({ value: row.counts[index]!, href: links.applications({ ...filter(row), stage: funnel.stages[index]!.key }) })),
      })),
    );
  const byField = (row: TFunnelRow) => ({ field: row.id });
  const byDistrict = (row: TFunnelRow) => ({ within: row.id });
  const noEntries = funnel.stages[0]!.count === 0 ? '本活动在本单位范围内还没有申报。' : null;
  const heights = (count: number) => Math.min(640, Math.max(200, 48 + count * 26));

  const review = board.review;
  const reviewRows = (rows: typeof review.byExpert) => rows.map((row) => [row.name, cell(row.assigned, links.review), cell(row.submitted, links.review), percent(row.submitted, row.assigned)]);
  const ledgerCells = board.ledger.rows.flatMap((row, rowIndex) =>
    row.cells.map((entry, col) => {
      const due = entry.onTime + entry.late + entry.missing;
      return { row: rowIndex, col, value: due ? Math.round((entry.onTime / due) * 100) : null, href: links.ledger(row.id) };
    }),
  );

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="staff-dashboard">
      <ChartFigure
        title="评选进度"
        note={`${board.campaign.title} · ${board.root.name}范围内，各环节累计达到的品牌数`}
        empty={noEntries}
        height={260}
        option={horizontalBars(stageLabels, [{ name: '品牌数', data: funnel.stages.map((stage) => ({ value: stage.count, href: links.applications({ stage: stage.key }) })) }])}
        table={{ columns: ['环节', '品牌数', '占申报'], rows: funnel.stages.map((stage) => [stage.label, cell(stage.count, links.applications({ stage: stage.key })), percent(stage.count, funnel.stages[0]!.count)]) }}
      />
      <ChartFigure title="各领域进度" note="申报、列入清单、表彰的品牌数" empty={noEntries} height={heights(funnel.byField.length)} option={funnelBars(funnel.byField, byField)} table={funnelTable(funnel.byField, '领域', byField)} />
      <ChartFigure title="各地区进度" note={`${board.root.name}的下一级组织`} empty={noEntries} height={heights(funnel.byDistrict.length)} option={funnelBars(funnel.byDistrict, byDistrict)} table={funnelTable(funnel.byDistrict, '地区', byDistrict)} />
      {has('RECOMMENDATION') && (
        <ChartFigure
          title="推荐名额使用"
          note="各推荐单位已推荐的品牌数与名额"
          empty={board.quotas.length ? null : '本活动没有逐级推荐，或范围内没有推荐单位。'}
          height={heights(board.quotas.length)}
          option={horizontalBars(
            board.quotas.map((row) => row.name),
            [
              { name: '已推荐', data: board.quotas.map((row) => ({ value: row.recommended, href: links.applications({ within: row.id, stage: 'recommended' }) })) },
              { name: '名额', data: board.quotas.map((row) => ({ value: row.quota })) },
            ],
          )}
          table={{
            columns: ['推荐单位', '已推荐', '不推荐', '名额', '使用率'],
            rows: board.quotas.map((row) => [row.name, cell(row.recommended, links.applications({ within: row.id })), row.notRecommended, row.quota, percent(row.recommended, row.quota)]),
          }}
        />
      )}
      {has('EXPERT_REVIEW') && (
        <ChartFigure
          title="专家评审进度（专家组）"
          note="已提交 / 已分配的评分表"
          empty={review.byPanel.length ? null : '还没有按专家组分配评审。'}
          height={heights(review.byPanel.length)}
          option={horizontalBars(review.byPanel.map((row) => row.name), [
            { name: '已提交', stack: 'sheets', data: review.byPanel.map((row) => ({ value: row.submitted, href: links.review })) },
            { name: '未提交', stack: 'sheets', data: review.byPanel.map((row) => ({ value: row.assigned - row.submitted, href: links.review })) },
          ])}
          table={{ columns: ['专家组', '已分配', '已提交', '完成率'], rows: reviewRows(review.byPanel) }}
        />
      )}
      {has('EXPERT_REVIEW') && (
        <ChartFigure
          title="专家评审进度（专家）"
          note="完成率低的在前"
          empty={review.byExpert.length ? null : '还没有分配评审任务。'}
          height={heights(review.byExpert.length)}
          option={horizontalBars(review.byExpert.map((row) => row.name), [
            { name: '已提交', stack: 'sheets', data: review.byExpert.map((row) => ({ value: row.submitted, href: links.review })) },
            { name: '未提交', stack: 'sheets', data: review.byExpert.map((row) => ({ value: row.assigned - row.submitted, href: links.review })) },
          ])}
          table={{ columns: ['专家', '已分配', '已提交', '完成率'], rows: reviewRows(review.byExpert) }}
        />
      )}
      {has('VOTING') && (
        <div className="lg:col-span-2">
          <ChartFigure
            title="网络投票（每小时）"
            note={
              votes.flagsPending
                ? `有效 ${votes.valid} 票，已作废 ${votes.invalid} 票；异常投票监测正在计算（票数多，约需数秒），稍后刷新本页即可看到`
                : `有效 ${votes.valid} 票，已作废 ${votes.invalid} 票；图钉为异常投票监测提示的时段（${votes.flags.length} 条，每分钟更新）`
            }
            empty={votes.hours.length ? null : '还没有投票。'}
            option={voteCurve(votes.hours, links.votes)}
            table={{
              columns: ['时段', '有效票', '已作废', '异常提示'],
              rows: votes.hours.map((row) => [row.hour, cell(row.valid, links.votes), cell(row.invalid, links.votes), cell(row.flags, row.flags ? links.flags : null)]),
            }}
          />
          {votes.flags.length > 0 && (
            <ul className="mt-2 space-y-1 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              {votes.flags.slice(0, 5).map((flag) => (
                <li key={flag.key}>
                  {links.flags ? <Link href={links.flags} className="underline-offset-2 hover:underline">{flag.title}</Link> : flag.title}：{flag.summary}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {has('PUBLICITY') && (
        <ChartFigure
          title="异议办理"
          empty={board.objections.some((row) => row.count) ? null : '没有收到异议。'}
          height={240}
          option={columns(board.objections.map((row) => row.label), [{ name: '异议', data: board.objections.map((row) => ({ value: row.count, href: links.objections(row.status) })) }])}
          table={{ columns: ['状态', '件数'], rows: board.objections.map((row) => [row.label, cell(row.count, links.objections(row.status))]) }}
        />
      )}
      {has('ACCEPTANCE') && (
        <ChartFigure
          title="验收认定"
          note="每个培育中的品牌按最近一次验收申请计"
          empty={board.acceptance.some((row) => row.count) ? null : '本活动没有培育创建的品牌。'}
          height={240}
          option={columns(board.acceptance.map((row) => row.label), [{ name: '品牌', data: board.acceptance.map((row) => ({ value: row.count, href: links.acceptance(row.stage) })) }])}
          table={{ columns: ['环节', '品牌数'], rows: board.acceptance.map((row) => [row.label, cell(row.count, links.acceptance(row.stage))]) }}
        />
      )}
      {has('CULTIVATION') && (
        <div className="lg:col-span-2">
          <ChartFigure
            title="台帐按时上报率"
            note="各地区每月按时上报的品牌占已到期品牌的比例；表中为 按时 / 逾期 / 未报 / 未到期"
            empty={board.ledger.rows.length ? null : '本活动在本单位范围内没有培育创建的品牌。'}
            height={heights(board.ledger.rows.length) + 40}
            option={heatMap(board.ledger.rows.map((row) => row.name), board.ledger.months, ledgerCells)}
            table={{
              columns: ['地区', ...board.ledger.months],
              rows: board.ledger.rows.map((row) => [row.name, ...row.cells.map((entry) => cell(`${entry.onTime}/${entry.late}/${entry.missing}/${entry.notDue}`, links.ledger(row.id)))]),
            }}
          />
        </div>
      )}
      <ChartFigure
        title="示范点、示范带建设"
        note="检查清单达标项的比例"
        empty={board.checklists.some((row) => row.sites || row.belts) ? null : '本单位范围内还没有示范点或示范带。'}
        height={260}
        option={columns(board.checklists.map((row) => row.label), [
          { name: '示范点', data: board.checklists.map((row) => ({ value: row.sites, href: links.sites })) },
          { name: '示范带', data: board.checklists.map((row) => ({ value: row.belts, href: links.belts })) },
        ])}
        table={{ columns: ['达标比例', '示范点', '示范带'], rows: board.checklists.map((row) => [row.label, cell(row.sites, links.sites), cell(row.belts, links.belts)]) }}
      />
    </div>
  );
}
