import type { Metadata } from 'next';
import Link from 'next/link';
import { isOperationAllowed } from '@/lib/campaign/lifecycle';
import { notFound } from 'next/navigation';
import { CreationRules, AwardRules, ProcedureRules, RubricRules } from '@/components/campaign/public-campaign-rules';
import { PublicStageTimeline } from '@/components/campaign/public-stage-timeline';
import { PublicHeader } from '@/components/layout/public-header';
import { loadPublicCampaign } from '@/lib/campaign/queries';
import { currentStage, hasStarted, stageStatus } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { formatDate, formatDateTime } from '@/lib/format';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const data = await loadPublicCampaign((await params).id);
  if (!data) return { title: '评选活动' };
  const { campaign } = data;
  return {
    title: campaign.title,
    description: campaign.description?.slice(0, 120) || `${campaign.ownerOrg.name}${campaign.year}年度党建品牌选树活动：通知、评选标准、奖项与日程安排。`,
    alternates: { canonical: `/campaigns/${campaign.id}` },
  };
}

const linkClass =
  'flex min-h-14 items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3 font-medium text-brand-800 shadow-sm hover:border-brand-600 hover:bg-brand-50';

/** 评选活动: the notice, the timeline with the stage running now, the rules, and the public pages it has so far. */
export default async function PublicCampaignPage({ params }: TProps) {
  const data = await loadPublicCampaign((await params).id);
  if (!data) notFound();
  const { campaign, now } = data;
  const stageOf = (kind: (typeof campaign.stages)[number]['kind']) => campaign.stages.find((stage) => stage.kind === kind);
  const voting = stageOf('VOTING');
  const isVotingEnabled = !!voting?.isEnabled;
  const isCancelled = campaign.status === 'CANCELLED';
  const current = campaign.status === 'PUBLISHED' ? currentStage(campaign.stages, now) : undefined;
  const currentStatus = current && stageStatus(current, now);
  const base = `/campaigns/${campaign.id}`;
  const canVote = isOperationAllowed('cast-vote', { status: campaign.status, program: campaign.program, stages: campaign.stages, now });
  const links = isCancelled ? [] : [
    campaign.hasBrandList && { href: `${base}/brands`, label: '品牌清单', note: '进入评选的党建品牌' },
    campaign.hasBrandList && isVotingEnabled && hasStarted(voting, now) && {
      href: `${base}/vote`,
      label: canVote ? '参与网络投票' : '网络投票结果',
      note: canVote ? `截至 ${formatDate(new Date(voting!.endsAt.getTime() - 1))}` : '投票已结束',
    },
    campaign.publicities.length > 0 && { href: `${base}/publicity`, label: '拟表彰名单公示', note: '公示与异议' },
    campaign.announcement && { href: `${base}/announcement`, label: '表彰决定', note: '获奖品牌名单' },
  ].filter((link) => !!link);

  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <div>
          <Link href="/" className="text-sm text-brand-700 hover:underline">← 返回首页</Link>
          <h1 className="mt-2 break-words text-2xl font-bold text-stone-900">{campaign.title}</h1>
          <p className="mt-1 text-stone-600">
            {campaign.ownerOrg.name} · {campaign.year}年度{campaign.batch ? ` · 第${campaign.batch}批` : ''}
          </p>
        </div>

        <section aria-label="当前进展" className={`rounded-lg px-4 py-3 ${isCancelled ? 'bg-amber-50 text-amber-950' : 'bg-brand-50 text-brand-900'}`}>
          {isCancelled ? (
            <p>
              <strong className="font-semibold">本次评选已撤销</strong>（{formatDateTime(campaign.cancelledAt)}）。撤销理由：{campaign.cancelReason}
            </p>
          ) : campaign.status === 'FINISHED' ? (
            <p>
              <strong className="font-semibold">本次评选已结束</strong>
              {campaign.finishedAt && `（${formatDate(campaign.finishedAt)}）`}。
            </p>
          ) : current ? (
            <p>
              {currentStatus === 'open' ? '当前阶段：' : '下一阶段：'}
              <strong className="font-semibold">{STAGE_LABELS[current.kind]}</strong>
              {currentStatus === 'open' ? `，${formatDate(new Date(current.endsAt.getTime() - 1))} 结束` : `，${formatDate(current.startsAt)} 开始`}
            </p>
          ) : (
            <p>本次评选各阶段已全部结束。</p>
          )}
        </section>

        {links.length > 0 && (
          <nav aria-label="评选公开信息">
            <ul className="grid gap-2 sm:grid-cols-2">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className={linkClass}>
                    <span>
                      {link.label}
                      <span className="block text-xs font-normal text-stone-600">{link.note}</span>
                    </span>
                    <span aria-hidden>→</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}

        <section aria-labelledby="notice-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
          <h2 id="notice-heading" className="text-lg font-semibold text-stone-900">活动通知</h2>
          <p className="whitespace-pre-line break-words leading-7 text-stone-800">
            {campaign.description ||
              (campaign.program === 'CREATION'
                ? `${campaign.ownerOrg.name}开展${campaign.title}，按照组织申报、培育创建、验收认定、宣传推广的程序，培育一批特色鲜明、作用突出、群众认可的基层党建品牌。`
                : `${campaign.ownerOrg.name}开展${campaign.title}，按照基层申报、逐级推荐、资格审查、评审评定、公示和通报表扬的程序，选树一批特色鲜明、作用突出、群众认可的基层党建品牌。`)}
          </p>
          <p className="text-right text-sm text-stone-600">{campaign.ownerOrg.name}</p>
        </section>

        {!isCancelled && (
          <section aria-labelledby="timeline-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
            <h2 id="timeline-heading" className="text-lg font-semibold text-stone-900">日程安排</h2>
            <PublicStageTimeline stages={campaign.stages} now={now} />
          </section>
        )}

        {campaign.program === 'CREATION' ? (
          <CreationRules campaign={campaign} />
        ) : (
          <>
            <RubricRules rubric={campaign.rubric} />
            <AwardRules awards={campaign.awards} fields={campaign.fields} />
            <ProcedureRules campaign={campaign} isVotingEnabled={isVotingEnabled} isOnsiteEnabled={!!stageOf('ONSITE_CHECK')?.isEnabled} />
          </>
        )}
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500">党建品牌选树平台</footer>
    </>
  );
}
