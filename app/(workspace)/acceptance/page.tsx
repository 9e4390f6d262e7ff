import Link from 'next/link';
import { AcceptanceStatusBadge } from '@/components/acceptance/request-view';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate } from '@/lib/format';
import { listBranchCultivations, listExpertAcceptances } from '@/lib/acceptance/queries';

export const metadata = { title: '验收认定' };

const CULTIVATION_LABELS = { CULTIVATING: '培育创建', ACCEPTANCE: '验收中', RECOGNISED: '已认定', ENDED: '已结束' } as const;

/** The branch's brands in cultivation (request status, findings, certificate) and an expert's acceptance groups. */
export default async function AcceptanceHomePage() {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'EXPERT']);
  const [cultivations, groups] = await Promise.all([listBranchCultivations(user), listExpertAcceptances(user)]);
  const isBranch = user.roles.some((grant) => grant.role === 'BRANCH_SECRETARY');
  return (
    <>
      <PageHeader title="验收认定" description="品牌创建成熟后申请验收，成熟一个、验收一个；验收不通过的，按验收意见继续创建后可再次申请" />
      <div className="space-y-8">
        {isBranch && (
          <section aria-labelledby="my-brands" className="space-y-3">
            <h2 id="my-brands" className="text-lg font-semibold text-stone-900">本单位的创建品牌</h2>
            {cultivations.length === 0 && <EmptyState title="暂无培育创建中的品牌">品牌列入品牌清单或获表彰后进入培育创建。</EmptyState>}
            {cultivations.map((row) => (
              <article key={row.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold text-stone-900">“{row.brand.name}”</h3>
                  <Badge tone={row.status === 'RECOGNISED' ? 'success' : 'brand'}>{CULTIVATION_LABELS[row.status]}</Badge>
                </div>
                <p className="text-sm text-stone-600">{row.campaign.title}</p>
                {row.latest && (
                  <div className="space-y-1 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      第 {row.latest.round} 次验收申请（{formatDate(row.latest.requestedAt)}）<AcceptanceStatusBadge status={row.latest.status} />
                    </p>
                    {row.latest.status === 'FAILED' && (
                      <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
                        <p className="font-medium">验收意见</p>
                        <p className="whitespace-pre-line break-words">{row.latest.findings}</p>
                      </div>
                    )}
                    <Link href={`/acceptance/requests/${row.latest.id}`} className="text-brand-700 hover:underline">查看申请与验收情况</Link>
                  </div>
                )}
                {row.recognition && (
                  <p className="text-sm">
                    认定编号 <span className="font-mono">{row.recognition.recognitionNo}</span>
                    <a href={`/api/certificates/${row.recognition.recognitionNo}`} className="ml-2 text-brand-700 hover:underline">下载认定证书</a>
                  </p>
                )}
                {row.requestBlock ? (
                  row.status === 'CULTIVATING' && <p className="text-sm text-stone-500">{row.requestBlock}</p>
                ) : (
                  <Link href={`/acceptance/${row.id}/request`} className={buttonClass('primary')}>
                    {row.latest ? '再次申请验收' : '申请验收'}
                  </Link>
                )}
              </article>
            ))}
          </section>
        )}
        {groups.length > 0 && (
          <section aria-labelledby="my-groups" className="space-y-3">
            <h2 id="my-groups" className="text-lg font-semibold text-stone-900">我参加的验收组</h2>
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
              {groups.map((group) => (
                <li key={group.request.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                  <Link href={`/acceptance/requests/${group.request.id}`} className="font-medium text-brand-700 hover:underline">
                    “{group.request.cultivation.brand.name}” · {group.request.cultivation.brand.organization.name}
                  </Link>
                  {group.submittedAt ? <Badge tone="success">已提交评分</Badge> : group.request.status === 'REVIEWING' ? <Badge tone="warning">待评分</Badge> : <AcceptanceStatusBadge status={group.request.status} />}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
