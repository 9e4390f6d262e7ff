import Link from 'next/link';
import { FinaliseForm } from '@/components/publicity/finalise-form';
import { PublishPublicityForm } from '@/components/publicity/publish-publicity-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadPublicityAdmin, type TPublicityPhase } from '@/lib/publicity/queries';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';

export const metadata = { title: '公示与表彰' };

type TProps = { params: Promise<{ id: string }> };

const PHASES: Record<TPublicityPhase, { label: string; tone: 'info' | 'success' | 'muted' }> = {
  upcoming: { label: '未开始', tone: 'info' },
  open: { label: '公示中', tone: 'success' },
  ended: { label: '已结束', tone: 'muted' },
};

/** A Shanghai calendar day as YYYY-MM-DD, `offset` days from `date`. */
const dayOf = (date: Date, offset = 0) => new Date(date.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export default async function PublicityAdminPage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const reviewCampaign = await loadReviewCampaignForPage(user, id);
  const data = await loadPublicityAdmin(reviewCampaign.id);
  const { campaign, publicity, proposal, announcement } = data;
  const base = `/admin/campaigns/${campaign.id}`;
  const withheld = data.withheldCount;
  const finaliseBlocker = !proposal
    ? '领导小组审定签署后才能发布表彰决定。'
    : campaign.publicityEnabled && !publicity
      ? '请先发布公示，公示期满后再发布表彰决定。'
      : data.stale
        ? '公示后领导小组审定又有更正，请发布更正公示，公示期满后再发布表彰决定。'
        : publicity && publicity.phase !== 'ended'
          ? `公示期至 ${formatDate(publicity.lastDay)} 结束，期满后才能发布表彰决定。`
          : data.openObjections > 0
            ? `还有 ${data.openObjections} 件异议未办结，全部答复后才能发布表彰决定。`
            : null;
  // One certificate per (entry, award); the withheld entries get none.
  const honorCount = campaign.publicityEnabled ? data.entries.filter((entry) => !entry.objections.upheld).length : (proposal?.items.length ?? 0);
  const publishDefaults = {
    startsOn: dayOf(data.now),
    endsOn: dayOf(data.now, 6),
    contactPhone: '',
    contactAddress: '',
    notice: `公示期间，如对公示对象有异议，请以真实姓名通过本页面“提出异议”反映，或通过以下电话、地址向${campaign.ownerOrg.name}反映。`,
  };

  return (
    <>
      <Link href={base} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回活动概览
      </Link>
      <PageHeader title="公示与表彰" description={`${campaign.title} · 审定名单公示、异议处理、发布表彰决定和荣誉证书`} />
      <div className="space-y-4">
        {!proposal && (
          <Card title="拟表彰名单">
            <EmptyState title="领导小组审定尚未签署">
              <span>
                在<Link href={`${base}/decisions`} className="text-brand-700 underline">初评与审定</Link>中签署领导小组审定后，拟表彰名单才能公示。
              </span>
            </EmptyState>
          </Card>
        )}

        {proposal && campaign.publicityEnabled && (
          <Card
            title="公示"
            actions={
              publicity && (
                <Link href={`/campaigns/${campaign.id}/publicity`} className={buttonClass('secondary')} target="_blank">
                  查看公示页面
                </Link>
              )
            }
          >
            {!publicity ? (
              <div className="space-y-3">
                <p className="text-sm text-stone-600">
                  将领导小组审定（第 {proposal.decision.version} 版）的 {proposal.entries} 个拟表彰品牌向社会公示。
                </p>
                <PublishPublicityForm campaignId={campaign.id} entries={proposal.entries} defaults={publishDefaults} />
              </div>
            ) : (
              <div className="space-y-4 text-sm">
                <p className="flex flex-wrap items-center gap-2 text-stone-700">
                  <Badge tone={PHASES[publicity.phase].tone}>{PHASES[publicity.phase].label}</Badge>
                  {publicity.version > 1 && <Badge tone="warning">更正公示 · 第 {publicity.version} 版</Badge>}
                  公示期 {formatDate(publicity.startsAt)} 至 {formatDate(publicity.lastDay)}
                  <span className="text-xs text-stone-500">（{publicity.publishedBy?.displayName ?? '—'} 于 {formatDateTime(publicity.publishedAt)} 发布）</span>
                </p>
                {publicity.notice && <p className="whitespace-pre-line break-words text-stone-600">{publicity.notice}</p>}
                {data.stale && proposal && !announcement && (
                  <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/50 p-3">
                    <Alert tone="warning">
                      公示后领导小组审定又有更正（第 {proposal.decision.version} 版{proposal.decision.correctionReason && `，更正理由：${proposal.decision.correctionReason}`}），当前公示的是更正前的名单。
                      更正后的 {proposal.entries} 个拟表彰品牌须发布更正公示（第 {publicity.version + 1} 版），本公示随之被取代，公示期满后才能发布表彰决定。
                    </Alert>
                    <PublishPublicityForm campaignId={campaign.id} entries={proposal.entries} defaults={publishDefaults} correctionOf={publicity.version} />
                  </div>
                )}
                {data.earlier.length > 0 && (
                  <ul className="space-y-1 text-xs text-stone-600" aria-label="已被取代的公示">
                    {data.earlier.map((earlier, index) => (
                      <li key={earlier.id}>
                        第 {earlier.version} 版（领导小组审定第 {earlier.decision.version} 版）公示期 {formatDate(earlier.startsAt)} 至 {formatDate(earlier.lastDay)}，
                        已被 {formatDate((index === 0 ? publicity : data.earlier[index - 1]).publishedAt)} 的更正公示取代
                      </li>
                    ))}
                  </ul>
                )}
                <p className="flex flex-wrap items-center gap-3 text-stone-700">
                  <span>
                    异议 <strong>{data.totalObjections}</strong> 件，其中未办结 <strong className={data.openObjections ? 'text-amber-800' : undefined}>{data.openObjections}</strong> 件
                  </span>
                  <Link href={`${base}/objections`} className="text-brand-700 underline">
                    处理异议
                  </Link>
                </p>
                <div className="relative overflow-x-auto">
                  <table className="w-full text-left">
                    <caption className="sr-only">公示名单及异议情况</caption>
                    <thead className="border-b border-stone-200 text-xs text-stone-500">
                      <tr>
                        <th scope="col" className="py-2 pr-3 font-medium">品牌</th>
                        <th scope="col" className="py-2 pr-3 font-medium">奖项</th>
                        <th scope="col" className="py-2 font-medium">异议</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-stone-100">
                      {data.entries.map((entry) => (
                        <tr key={`${entry.id}:${entry.award.id}`}>
                          <td className="py-2 pr-3">
                            <span className="font-medium text-stone-900">{entry.brandName}</span>
                            <span className="block text-xs text-stone-500">{entry.organization.name}</span>
                          </td>
                          <td className="py-2 pr-3">{entry.award.name}</td>
                          <td className="py-2">
                            {entry.objections.upheld ? (
                              <Badge tone="warning">异议成立，暂缓表彰</Badge>
                            ) : entry.objections.open ? (
                              <Badge tone="warning">{entry.objections.open} 件办理中，暂缓</Badge>
                            ) : entry.objections.closed ? (
                              <Badge tone="muted">已办结</Badge>
                            ) : (
                              <span className="text-stone-500">无</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </Card>
        )}

        {proposal && !campaign.publicityEnabled && !announcement && <Alert tone="info">本活动设置为不公示，领导小组审定签署后可直接发布表彰决定。</Alert>}

        {proposal && (
          <Card
            title="通报表扬"
            actions={
              announcement && (
                <div className="flex flex-wrap gap-2">
                  <Link href={`/campaigns/${campaign.id}/announcement`} className={buttonClass('secondary')} target="_blank">
                    表彰决定
                  </Link>
                  <Link href={`${base}/honors`} className={buttonClass('secondary')}>
                    荣誉证书
                  </Link>
                </div>
              )
            }
          >
            {announcement ? (
              <div className="space-y-1 text-sm text-stone-700">
                <p className="font-medium text-stone-900">{announcement.title}</p>
                <p>
                  {announcement.documentNo && <span className="mr-3">{announcement.documentNo}</span>}
                  成文日期 {formatDate(announcement.issuedOn)} · {formatDateTime(announcement.publishedAt)} 发布 · 表彰品牌 {announcement.entries} 个 · 证书 {announcement._count.honors} 份
                </p>
                <p className="text-stone-600">
                  获奖品牌已进入<Link href="/gallery" className="text-brand-700 underline">品牌风采</Link>展示，证书可在“荣誉证书”中下载，扫码可验证真伪。
                </p>
              </div>
            ) : finaliseBlocker ? (
              <p className="text-sm text-stone-600">{finaliseBlocker}</p>
            ) : (
              <FinaliseForm
                campaignId={campaign.id}
                honors={honorCount}
                withheld={withheld}
                defaults={{
                  title: `关于对${campaign.title}获奖品牌予以通报表扬的决定`,
                  documentNo: '',
                  preamble: `为深入推进党建品牌创建工作，${campaign.ownerOrg.name}组织开展了${campaign.title}。经逐级推荐、资格审查、网络投票、专家评审、实地核验${campaign.publicityEnabled ? '和公示' : ''}，决定对以下党建品牌予以通报表扬。希望受到表彰的单位珍惜荣誉，持续深化品牌培育，充分发挥示范引领作用。`,
                  issuedOn: dayOf(data.now),
                }}
              />
            )}
          </Card>
        )}
      </div>
    </>
  );
}
