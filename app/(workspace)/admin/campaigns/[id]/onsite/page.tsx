import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate } from '@/lib/format';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';
import { listOnsiteChecks, loadOnsiteLock, ONSITE_RESULT_LABELS } from '@/lib/review/onsite';

export const metadata = { title: '实地核验' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const TONE = { PENDING: 'neutral', PASSED: 'success', FAILED: 'muted' } as const;

export default async function OnsiteListPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, notice] = await Promise.all([params, searchParams]);
  const campaign = await loadReviewCampaignForPage(user, id);
  const [rows, locked] = await Promise.all([listOnsiteChecks(campaign), loadOnsiteLock(campaign.id)]);
  const failed = rows.filter((row) => row.check?.result === 'FAILED').length;
  const done = rows.filter((row) => row.check && row.check.result !== 'PENDING').length;
  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回{campaign.title}
      </Link>
      <PageHeader title="实地核验" description={`已核验 ${done} / ${rows.length}${failed ? `，其中 ${failed} 个未通过（不进入表彰名单）` : ''}`} />
      <div className="space-y-4">
        {notice.saved && <Alert tone="success">核验记录已保存。</Alert>}
        {locked && <Alert tone="info">{locked.message}，可以查看已有记录。</Alert>}
        {rows.length === 0 ? (
          <EmptyState title="品牌清单尚未发布">发布品牌清单后，可以为清单中的品牌安排实地核验。</EmptyState>
        ) : (
          <ul className="space-y-2">
            {rows.map((row) => {
              const result = row.check?.result ?? null;
              return (
                <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                  <div className="min-w-0 space-y-1">
                    <p className="break-all font-medium text-stone-900">{row.brandName || '未命名品牌'}</p>
                    <p className="text-xs text-stone-500">{row.organizationName}</p>
                    <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                      <Badge tone={result ? TONE[result] : 'neutral'}>{result ? ONSITE_RESULT_LABELS[result] : '未安排'}</Badge>
                      {row.check?.scheduledOn && <span>{formatDate(row.check.scheduledOn)}</span>}
                      {row.check && row.check.inspectors.length > 0 && <span>{row.check.inspectors.map((inspector) => inspector.user.displayName).join('、')}</span>}
                      {row.check && row.check._count.photos > 0 && <span>照片 {row.check._count.photos} 张</span>}
                    </p>
                  </div>
                  <Link href={`/admin/campaigns/${campaign.id}/onsite/${row.id}`} className={buttonClass(result && result !== 'PENDING' ? 'secondary' : 'primary')} aria-label={`${locked ? '查看' : row.check ? '修改' : '安排'}核验 ${row.brandName}`}>
                    {locked ? '查看记录' : row.check ? '修改记录' : '安排核验'}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}
