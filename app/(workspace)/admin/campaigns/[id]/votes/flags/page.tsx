import Link from 'next/link';
import { Suspense } from 'react';
import { InvalidateFlagButton, SingleVoteButton } from '@/components/voting/invalidate-buttons';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime, queryString } from '@/lib/format';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';
import { FLAG_THRESHOLDS, FLAG_WINDOW_MINUTES, flagVotes, type TFlag } from '@/lib/voting/flags';
import { detectAndStoreFlags } from '@/lib/voting/flag-snapshot';
import { findVotes } from '@/lib/voting/invalidation';

export const metadata = { title: '异常投票监测' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; page?: string }> };

/** Flags per page: each card reads its evidence (the newest 50 votes), and a province-wide burst can raise hundreds. */
const FLAGS_PER_PAGE = 20;

const cell = 'whitespace-nowrap px-3 py-2';

async function FlagCard({ campaignId, flag }: { campaignId: string; flag: TFlag }) {
  const evidence = await flagVotes(campaignId, flag.ref, 50);
  return (
    <li className="rounded-lg border border-amber-200 bg-white shadow-sm" data-testid="vote-flag">
      <div className="flex flex-wrap items-start justify-between gap-3 p-4">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone="warning">{flag.title}</Badge>
            {flag.from && <span className="text-xs text-stone-500">{formatDateTime(flag.from)} 起 {FLAG_WINDOW_MINUTES} 分钟</span>}
          </p>
          <p className="text-sm text-stone-800">{flag.summary}</p>
        </div>
        <InvalidateFlagButton campaignId={campaignId} flagKey={flag.key} title={flag.title} count={evidence.total} />
      </div>
      <details className="border-t border-stone-100">
        <summary className="cursor-pointer px-4 py-2 text-sm text-brand-700">查看明细（{evidence.total} 票{evidence.total > evidence.rows.length ? `，显示最近 ${evidence.rows.length} 票` : ''}）</summary>
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className={cell}>时间</th>
                <th scope="col" className={cell}>品牌</th>
                <th scope="col" className={cell}>投票人</th>
                <th scope="col" className={cell}>IP</th>
                <th scope="col" className={cell}>设备</th>
                <th scope="col" className={cell}>回执码</th>
                <th scope="col" className={cell}><span className="sr-only">操作</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {evidence.rows.map((vote) => (
                <tr key={vote.id}>
                  <td className={`${cell} text-stone-600`}>{formatDateTime(vote.createdAt)}</td>
                  <td className={cell}>{vote.brandName}</td>
                  <td className={cell}>{vote.voter}</td>
                  <td className={`${cell} font-mono`}>{vote.ip ?? '—'}</td>
                  <td className={`${cell} font-mono`} title={vote.userAgent ?? undefined}>{vote.device ?? '—'}</td>
                  <td className={`${cell} font-mono`}>{vote.receiptCode}</td>
                  <td className={cell}><SingleVoteButton mode="invalidate" campaignId={campaignId} voteId={vote.id} receiptCode={vote.receiptCode} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </li>
  );
}

function FlagsPending() {
  return (
    <>
      <h2 id="flags-title" className="text-lg font-semibold text-stone-900">当前异常</h2>
      <div role="status" className="flex items-center gap-3 rounded-lg border border-stone-200 bg-white px-4 py-6 text-sm text-stone-600">
        <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-stone-300 border-t-brand-600" />
        正在按规则检查全部有效投票，票数多时需要几秒……
      </div>
    </>
  );
}

/** A fresh detection (stored for the dashboards too), a page of it at a time. */
async function FlagList({ campaignId, page, q }: { campaignId: string; page: number; q: string }) {
  const flags = await detectAndStoreFlags(campaignId);
  const pageCount = Math.max(1, Math.ceil(flags.length / FLAGS_PER_PAGE));
  const current = Math.min(page, pageCount);
  const shown = flags.slice((current - 1) * FLAGS_PER_PAGE, current * FLAGS_PER_PAGE);
  return (
    <>
      <h2 id="flags-title" className="text-lg font-semibold text-stone-900">当前异常（{flags.length}）</h2>
      {flags.length === 0 ? (
        <EmptyState title="未发现异常">有效投票中没有命中上述规则的情况。</EmptyState>
      ) : (
        <>
          <ul className="space-y-3">
            {shown.map((flag) => (
              <FlagCard key={flag.key} campaignId={campaignId} flag={flag} />
            ))}
          </ul>
          {pageCount > 1 && (
            <Pagination page={current} pageCount={pageCount} total={flags.length} hrefFor={(next) => `/admin/campaigns/${campaignId}/votes/flags${queryString({ q: q || undefined, page: next > 1 ? next : undefined })}`} />
          )}
        </>
      )}
    </>
  );
}

export default async function VoteFlagsPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const campaign = await loadReviewCampaignForPage(user, id);
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 40) : '';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof raw.page === 'string' ? raw.page : '1', 10) || 1));
  const found = q ? await findVotes(campaign.id, q) : [];

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}/votes`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回投票结果</Link>
      <PageHeader title="异常投票监测" description={campaign.title} />
      <div className="space-y-4">
        <Card title="监测规则">
          <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
            <li>同一 IP 在 {FLAG_WINDOW_MINUTES} 分钟内投出 {FLAG_THRESHOLDS.ipVotes} 票及以上；同一网段（/24）{FLAG_THRESHOLDS.subnetVotes} 票及以上。</li>
            <li>{FLAG_WINDOW_MINUTES} 分钟内新验证 {FLAG_THRESHOLDS.newPhones} 个及以上手机号。</li>
            <li>同一单位参与投票的党员账号多于该单位党员人数。</li>
            <li>单个品牌 {FLAG_WINDOW_MINUTES} 分钟内得票 {FLAG_THRESHOLDS.spikeVotes} 票及以上，且达到平时的 {FLAG_THRESHOLDS.spikeFactor} 倍。</li>
          </ul>
          <p className="mt-2 text-sm text-stone-600">命中规则不等于刷票，请查看明细后再决定；作废须填写理由，记入审计日志，结果和公开票数随即更新。</p>
        </Card>

        <section aria-labelledby="flags-title" className="space-y-2">
          {/* The rules scan every valid vote (seconds at a million): the rest of the page does not wait for them. */}
          <Suspense key={page} fallback={<FlagsPending />}>
            <FlagList campaignId={campaign.id} page={page} q={q} />
          </Suspense>
        </section>

        <Card title="查找单张投票">
          <form className="flex flex-wrap gap-2" role="search" aria-label="查找投票">
            <label htmlFor="vote-search" className="sr-only">回执码、IP、手机号或登录名</label>
            <input id="vote-search" name="q" defaultValue={q} placeholder="回执码、IP、手机号或党员登录名" className={`${inputClass} max-w-sm`} />
            <button type="submit" className={buttonClass('secondary')}>查找</button>
          </form>
          {q && found.length === 0 && <p className="mt-3 text-sm text-stone-600">没有找到与“{q}”相关的投票。</p>}
          {found.length > 0 && (
            <div className="relative mt-3 overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-stone-50 text-left text-stone-600">
                  <tr>
                    <th scope="col" className={cell}>时间</th>
                    <th scope="col" className={cell}>品牌</th>
                    <th scope="col" className={cell}>IP</th>
                    <th scope="col" className={cell}>回执码</th>
                    <th scope="col" className={cell}>状态</th>
                    <th scope="col" className={cell}><span className="sr-only">操作</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {found.map((vote) => (
                    <tr key={vote.id}>
                      <td className={`${cell} text-stone-600`}>{formatDateTime(vote.createdAt)}</td>
                      <td className={cell}>{vote.brandName}</td>
                      <td className={`${cell} font-mono`}>{vote.ip ?? '—'}</td>
                      <td className={`${cell} font-mono`}>{vote.receiptCode}</td>
                      <td className="px-3 py-2">{vote.invalidatedAt ? <span className="text-red-700">已作废：{vote.invalidReason}</span> : '有效'}</td>
                      <td className={cell}>
                        <SingleVoteButton mode={vote.invalidatedAt ? 'restore' : 'invalidate'} campaignId={campaign.id} voteId={vote.id} receiptCode={vote.receiptCode} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
