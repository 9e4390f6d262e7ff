import Link from 'next/link';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { FlagLaggingButton, UnflagLaggingButton } from '@/components/pairing/lagging-controls';
import { requirePageUser } from '@/lib/http/page';
import { LAGGING_MISSING_MONTHS, LAGGING_SCORE_BELOW, loadLaggingOverview, searchOrganizationsToFlag } from '@/lib/pairing/queries';

export const metadata = { title: '后进党支部' };

type TProps = { searchParams: Promise<{ q?: string }> };

export default async function LaggingPage({ searchParams }: TProps) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q.slice(0, 50) : '';
  const [overview, found] = await Promise.all([loadLaggingOverview(user), searchOrganizationsToFlag(user, query)]);
  return (
    <>
      <PageHeader title="后进党支部" description="由上级党(工)委认定（写明原因），认定后可安排结对共建" actions={<Link href="/pairings" className="text-sm text-brand-700 underline">结对共建</Link>} />
      <div className="space-y-4">
        <Card title={`已认定（${overview.flagged.length}）`}>
          {overview.flagged.length === 0 ? (
            <EmptyState title="暂无认定的后进党支部" />
          ) : (
            <ul className="divide-y divide-stone-100">
              {overview.flagged.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium text-stone-900">{row.name}</p>
                    <p className="text-sm text-stone-600">{row.parentName} · {row.note}</p>
                  </div>
                  <UnflagLaggingButton organizationId={row.id} name={row.name} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="根据考评结果建议关注">
          <p className="mb-3 text-sm text-stone-600">
            示范点最近一次考评低于 {LAGGING_SCORE_BELOW} 分，或培育品牌的台帐有 {LAGGING_MISSING_MONTHS} 个月以上到期未上报。仅为建议，是否认定由您决定。
          </p>
          {overview.suggestions.length === 0 ? (
            <EmptyState title="暂无建议" />
          ) : (
            <ul className="divide-y divide-stone-100">
              {overview.suggestions.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium text-stone-900">{row.name}</p>
                    <p className="text-sm text-stone-600">{row.parentName} · {row.reasons.join('；')}</p>
                  </div>
                  <FlagLaggingButton organizationId={row.id} name={row.name} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="按名称查找并认定">
          <form className="flex gap-2" role="search">
            <label htmlFor="lagging-q" className="sr-only">组织名称</label>
            <input id="lagging-q" name="q" defaultValue={query} placeholder="输入党组织名称" className={inputClass} maxLength={50} />
            <button type="submit" className={buttonClass('secondary')}>查找</button>
          </form>
          {query && (
            <ul className="mt-3 divide-y divide-stone-100">
              {found.length === 0 && <li className="py-3 text-sm text-stone-600">没有找到未认定的组织</li>}
              {found.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium text-stone-900">{row.name}</p>
                    <p className="text-sm text-stone-600">{row.parentName}</p>
                  </div>
                  <FlagLaggingButton organizationId={row.id} name={row.name} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
