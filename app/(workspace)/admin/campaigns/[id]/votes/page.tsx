import Link from 'next/link';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { ExportButton } from '@/components/ui/export-button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { STAGE_STATUS_LABELS, stageStatus } from '@/lib/campaign/stages';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadReviewCampaignWithNow } from '@/lib/review/admin-page';
import { tiedPlaceLabel } from '@/lib/review/ranking';
import { loadVoteResults, type TVoteEntryRow, type TVoteResults } from '@/lib/voting/results';

export const metadata = { title: '网络投票结果' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZSearch = z.object({ field: z.string().max(100).optional().catch(undefined) });

const share = (value: number) => `${value.toFixed(2)}%`;
/** `vote_day` strings are Shanghai calendar days. */
const dayLabel = (day: string) => formatDate(new Date(`${day}T12:00:00+08:00`));
const th = 'whitespace-nowrap px-3 py-2 font-medium';
const num = 'whitespace-nowrap px-3 py-2 text-right tabular-nums';

export default async function VoteResultsPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { campaign, now } = await loadReviewCampaignWithNow(user, id);
  const results = await loadVoteResults(campaign);
  const stage = campaign.stages.find((candidate) => candidate.kind === 'VOTING');
  const basePath = `/admin/campaigns/${campaign.id}/votes`;
  const requested = ZSearch.parse(search).field;
  const fieldName = results.fields.some((field) => field.fieldName === requested) ? requested : undefined;
  const rows = fieldName ? results.rows.filter((row) => row.isListed && row.fieldName === fieldName) : results.rows;
  const hasVotes = results.totals.validVotes + results.totals.invalidVotes > 0;

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回{campaign.title}
      </Link>
      <PageHeader
        title="网络投票结果"
        description={
          <span className="flex flex-wrap items-center gap-2">
            {campaign.title}
            {stage && <Badge tone={stageStatus(stage, now) === 'open' ? 'success' : 'neutral'}>投票{STAGE_STATUS_LABELS[stageStatus(stage, now)]}</Badge>}
            {stage?.isEnabled && <span className="text-xs text-stone-500">{formatDateTime(stage.startsAt)} 至 {formatDateTime(stage.endsAt)}</span>}
          </span>
        }
        actions={
          <>
            <ExportButton href={`/api/votes/export?campaignId=${campaign.id}`} fileName="votes.xlsx" />
            {/* 异常投票监测 (anti-rigging flags and invalidation) lives on its own page, built separately. */}
            <Link href={`/admin/campaigns/${campaign.id}/votes/flags`} className={buttonClass('secondary')}>异常投票监测</Link>
            <Link href={`/admin/campaigns/${campaign.id}/review/results`} className={buttonClass('secondary')}>评审结果与排名</Link>
          </>
        }
      />
      <div className="space-y-4">
        {!results.votingEnabled && <Alert tone="warning">本活动未启用网络投票，投票结果不计入综合排名。</Alert>}
        <Summary results={results} />
        <RankingShare campaignId={campaign.id} results={results} expertWeight={campaign.expertWeight} />
        {!hasVotes ? (
          <EmptyState title="还没有投票">品牌清单上的品牌收到投票后，得票会显示在这里（已作废的票不计入）。</EmptyState>
        ) : (
          <>
            <Popularity results={results} />
            <Daily days={results.days} />
            <Card title="按领域">
              <FieldTable results={results} />
            </Card>
            <Card title="按品牌" actions={<span className="text-xs text-stone-500">按有效票从高到低，票数相同者并列</span>}>
              <nav aria-label="按领域查看" className="mb-3 flex flex-wrap gap-1.5">
                <FilterLink href={basePath} isCurrent={!fieldName}>全部</FilterLink>
                {results.fields.map((field) => (
                  <FilterLink key={field.fieldName} href={`${basePath}?field=${encodeURIComponent(field.fieldName)}`} isCurrent={fieldName === field.fieldName}>
                    {field.fieldName}
                  </FilterLink>
                ))}
              </nav>
              <EntryTable rows={rows} useFieldRank={!!fieldName} voteWeight={results.voteWeight} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}

function FilterLink({ href, isCurrent, children }: { href: string; isCurrent: boolean; children: ReactNode }) {
  return (
    <Link href={href} aria-current={isCurrent ? 'page' : undefined} className={`rounded-md px-3 py-2 text-sm ${isCurrent ? 'bg-brand-700 text-white' : 'bg-white ring-1 ring-inset ring-stone-200'}`}>
      {children}
    </Link>
  );
}

function Summary({ results: { totals } }: { results: TVoteResults }) {
  const cards = [
    { label: '有效票', value: totals.validVotes, note: `${totals.entries} 个品牌`, tone: 'bg-brand-50 text-brand-900' },
    { label: '已作废', value: totals.invalidVotes, note: '不计入任何结果', tone: 'bg-stone-100 text-stone-800' },
    { label: '参与投票', value: totals.member.voters + totals.public.voters, note: `党员 ${totals.member.voters} 人 · 公众 ${totals.public.voters} 人`, tone: 'bg-sky-50 text-sky-900' },
    { label: '投票天数', value: totals.days, note: totals.days ? `日均 ${Math.round(totals.validVotes / totals.days)} 票` : '—', tone: 'bg-amber-50 text-amber-950' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {cards.map((card) => (
        <div key={card.label} className={`rounded-lg px-4 py-3 ${card.tone}`}>
          <dt className="text-xs opacity-80">{card.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{card.value}</dd>
          <dd className="text-xs opacity-80">{card.note}</dd>
        </div>
      ))}
    </dl>
  );
}

function RankingShare({ campaignId, results, expertWeight }: { campaignId: string; results: TVoteResults; expertWeight: number }) {
  return (
    <Card title="计入综合排名">
      <div className="space-y-1 text-sm text-stone-700">
        {results.votingEnabled ? (
          <>
            <p>
              网络投票占综合得分的 <strong>{results.voteWeight}%</strong>（专家评审占 {expertWeight}%）。每个品牌的投票得分 = 有效票数 ÷ 最高票数
              {results.topVotes > 0 ? `（${results.topVotes} 票）` : ''} × {results.voteWeight}。
            </p>
            <p className="text-stone-500">只计品牌清单上的品牌和有效票；作废一张票，相关品牌的投票得分随之重算。</p>
          </>
        ) : (
          <p>本活动未启用网络投票，综合得分只计专家评审。</p>
        )}
        {results.totals.unlistedValidVotes > 0 && <p className="text-amber-800">有 {results.totals.unlistedValidVotes} 张有效票投给了已移出品牌清单的品牌，这些票不参与排名。</p>}
        <p>
          <Link href={`/admin/campaigns/${campaignId}/review/results`} className="text-brand-700 hover:underline">查看评审结果与综合排名 →</Link>
        </p>
      </div>
    </Card>
  );
}

function Popularity({ results }: { results: TVoteResults }) {
  const { awards, candidates } = results.popularity;
  if (!candidates) {
    return (
      <Card title="最佳人气候选">
        <p className="text-sm text-stone-600">本活动未设置最佳人气奖项。</p>
      </Card>
    );
  }
  return (
    <Card title="最佳人气候选" actions={<span className="text-xs text-stone-500">{awards.map((award) => award.name).join('、')} · 共 {candidates.count} 名</span>}>
      {candidates.rows.length === 0 ? (
        <p className="text-sm text-stone-600">品牌清单上的品牌还没有有效票。</p>
      ) : (
        <div className="space-y-3">
          {candidates.isTiedAtCutoff && (
            <Alert tone="warning">
              第 {candidates.count} 名的票数（{candidates.cutoffVotes} 票）有 {candidates.rows.filter((row) => row.isTiedAtCutoff).length} 个品牌相同，均列为候选，由部务会初评决定。
            </Alert>
          )}
          <ol className="divide-y divide-stone-100">
            {candidates.rows.map((row) => (
              <li key={row.applicationId} className="flex items-center gap-3 py-2">
                <span className="w-10 shrink-0 text-center text-lg font-semibold tabular-nums">{row.rank}</span>
                <div className="min-w-0 flex-1">
                  <p className="break-all font-medium text-stone-900">{row.brandName}</p>
                  <p className="text-xs text-stone-500">{row.organizationName} · {row.fieldName}</p>
                </div>
                <span className="shrink-0 text-right tabular-nums">
                  <strong className="text-base">{row.validVotes}</strong> 票
                  {row.isTied && row.rank !== null && <span className="block text-xs text-amber-800">{tiedPlaceLabel(row.rank)}</span>}
                </span>
              </li>
            ))}
          </ol>
          <p className="text-xs text-stone-500">最佳人气可与等次奖兼得；实地核验未通过的品牌不获奖，最佳人气顺延给下一位。</p>
        </div>
      )}
    </Card>
  );
}

function Daily({ days }: { days: TVoteResults['days'] }) {
  const most = Math.max(1, ...days.map((day) => day.validVotes));
  return (
    <Card title="每日投票">
      <ul className="space-y-1.5 text-sm">
        {days.map((day) => (
          <li key={day.day} className="grid grid-cols-[7.5rem_1fr_auto] items-center gap-2">
            <span className="text-stone-600">{dayLabel(day.day)}</span>
            <span className="h-3 rounded bg-stone-100" aria-hidden>
              <span className="block h-3 rounded bg-brand-600" style={{ width: `${(day.validVotes / most) * 100}%` }} />
            </span>
            <span className="tabular-nums">
              {day.validVotes} 票{day.invalidVotes > 0 && <span className="text-xs text-stone-500">（作废 {day.invalidVotes}）</span>}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function FieldTable({ results }: { results: TVoteResults }) {
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="bg-stone-50 text-stone-600">
          <tr>
            <th scope="col" className={th}>领域</th>
            <th scope="col" className={`${th} text-right`}>品牌数</th>
            <th scope="col" className={`${th} text-right`}>有效票</th>
            <th scope="col" className={`${th} text-right`}>占比</th>
            <th scope="col" className={th}>最高票品牌</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {results.fields.map((field) => (
            <tr key={field.fieldName} className="align-top">
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium text-stone-900">{field.fieldName}</th>
              <td className={num}>{field.entries}</td>
              <td className={num}>{field.validVotes}</td>
              <td className={num}>{share(field.share)}</td>
              <td className="px-3 py-2 text-stone-700">
                {field.leaders.length ? `${field.leaders.join('、')}（${field.leaderVotes} 票${field.leaders.length > 1 ? '，并列' : ''}）` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntryTable({ rows, useFieldRank, voteWeight }: { rows: TVoteEntryRow[]; useFieldRank: boolean; voteWeight: number }) {
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <thead className="bg-stone-50 text-stone-600">
          <tr>
            <th scope="col" className={th}>名次</th>
            <th scope="col" className={th}>品牌 / 申报单位</th>
            <th scope="col" className={`${th} text-right`}>有效票</th>
            <th scope="col" className={`${th} text-right`}>占比</th>
            <th scope="col" className={`${th} text-right`}>投票得分（满分 {voteWeight}）</th>
            <th scope="col" className={`${th} text-right`}>作废票</th>
            <th scope="col" className={th}>领域 / 地区</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => {
            const rank = useFieldRank ? row.fieldRank : row.rank;
            const isTied = useFieldRank ? row.isFieldTied : row.isTied;
            return (
              <tr key={row.applicationId} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 font-semibold tabular-nums">
                  {rank !== null && isTied ? <span className="text-amber-900">{tiedPlaceLabel(rank)}</span> : (rank ?? '—')}
                </td>
                <td className="min-w-36 px-3 py-2">
                  <p className="font-medium text-stone-900">{row.brandName || '未命名品牌'}</p>
                  <p className="text-xs text-stone-500">{row.organizationName}</p>
                  {!row.isListed && <Badge tone="muted">已移出品牌清单</Badge>}
                </td>
                <td className={`${num} font-semibold`}>{row.validVotes}</td>
                <td className={num}>{share(row.share)}</td>
                <td className={num}>{row.isListed ? row.votePoints.toFixed(2) : '—'}</td>
                <td className={`${num} text-stone-500`}>{row.invalidVotes}</td>
                <td className="px-3 py-2 text-stone-700">
                  {row.fieldName}
                  {row.regionName && <span className="block text-xs text-stone-500">{row.regionName}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
