import type { Metadata } from 'next';
import Link from 'next/link';
import { PublicHeader } from '@/components/layout/public-header';
import { ObjectionOutcomeBadge, ObjectionStatusBadge } from '@/components/objections/objection-status-badge';
import { Alert } from '@/components/ui/alert';
import { formatDateTime } from '@/lib/format';
import { findObjectionByCode } from '@/lib/objections/queries';
import { OBJECTION_STEP_LABELS, isObjectionOpen } from '@/lib/objections/status';

export const dynamic = 'force-dynamic';
// The code is the only key to the case: keep the page out of search engines and out of referrers.
export const metadata: Metadata = { title: '异议办理进度', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type TProps = { params: Promise<{ code: string }> };

export default async function ObjectionTrackingPage({ params }: TProps) {
  const { code } = await params;
  const objection = await findObjectionByCode(decodeURIComponent(code).slice(0, 60));
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-xl space-y-5 px-4 py-6">
        <h1 className="text-xl font-bold text-stone-900">异议办理进度</h1>
        {!objection ? (
          <div className="space-y-3">
            <Alert tone="warning">没有找到这个查询码对应的异议，请核对查询码（12 位，不含 0、1、O、I）后重新输入。</Alert>
            <Link href="/objections" className="text-sm text-brand-700 underline">重新输入查询码</Link>
          </div>
        ) : (
          <>
            <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm" aria-labelledby="objection-summary">
              <h2 id="objection-summary" className="sr-only">异议概况</h2>
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm text-stone-600">办理状态</span>
                <ObjectionStatusBadge status={objection.status} />
                {objection.outcome && <ObjectionOutcomeBadge outcome={objection.outcome} />}
              </div>
              <dl className="grid grid-cols-[5.5rem_1fr] gap-x-3 gap-y-2 text-sm">
                <dt className="text-stone-600">查询码</dt>
                <dd className="font-mono tracking-wider text-stone-900">{objection.trackingCode}</dd>
                <dt className="text-stone-600">评选活动</dt>
                <dd className="text-stone-900">
                  <Link href={`/campaigns/${objection.campaign.id}/publicity`} className="text-brand-700 underline-offset-2 hover:underline">{objection.campaign.title}</Link>
                </dd>
                <dt className="text-stone-600">异议对象</dt>
                <dd className="text-stone-900">{objection.application.brandName}（{objection.application.organization.name}）</dd>
                {objection.publicity.version > 1 && (
                  <>
                    <dt className="text-stone-600">针对公示</dt>
                    <dd className="text-stone-900">第 {objection.publicity.version} 版（更正公示）</dd>
                  </>
                )}
                <dt className="text-stone-600">异议人</dt>
                <dd className="text-stone-900">{objection.objectorName}</dd>
                <dt className="text-stone-600">提交时间</dt>
                <dd className="text-stone-900">{formatDateTime(objection.createdAt)}</dd>
                <dt className="text-stone-600">证明材料</dt>
                <dd className="text-stone-900">{objection.attachments ? `${objection.attachments} 个附件` : '无'}</dd>
              </dl>
            </section>

            {objection.answer && (
              <section className="space-y-2 rounded-xl border border-green-200 bg-green-50 p-5" aria-labelledby="objection-answer">
                <h2 id="objection-answer" className="font-semibold text-stone-900">{objection.status === 'DECLINED' ? '不予受理的理由' : '答复意见'}</h2>
                <p className="whitespace-pre-line text-sm text-stone-800" data-testid="objection-answer">{objection.answer}</p>
                {objection.answeredAt && <p className="text-xs text-stone-600">{formatDateTime(objection.answeredAt)}</p>}
              </section>
            )}

            <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm" aria-labelledby="objection-steps">
              <h2 id="objection-steps" className="font-semibold text-stone-900">办理过程</h2>
              <ol className="space-y-3 border-l-2 border-stone-200 pl-4">
                {objection.events.map((event, index) => (
                  <li key={index} className="relative">
                    <span aria-hidden className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-brand-700" />
                    <p className="text-sm font-medium text-stone-900">{OBJECTION_STEP_LABELS[event.step]}</p>
                    <p className="text-xs text-stone-600">{formatDateTime(event.createdAt)}</p>
                  </li>
                ))}
              </ol>
              {isObjectionOpen(objection.status) && (
                <p className="text-sm text-stone-600">异议正在办理，该品牌的表彰暂缓，答复后将在此显示。如需补充材料，请联系公示公告中的联系人。</p>
              )}
            </section>
          </>
        )}
      </main>
    </>
  );
}
