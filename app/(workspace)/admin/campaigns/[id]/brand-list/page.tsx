import Link from 'next/link';
import { BrandListVersions } from '@/components/brand-list/brand-list-versions';
import { PublishBrandListButton } from '@/components/brand-list/publish-brand-list-button';
import { StageWindowNotice } from '@/components/qualification/stage-window-notice';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { listBrandListVersions } from '@/lib/brand-list/queries';
import { loadCampaignForAdmin } from '@/lib/campaign/admin-page';
import { operationRefusal, type TLifecycle } from '@/lib/campaign/lifecycle';
import { qualificationStatus } from '@/lib/qualification/access';
import { listQualificationRows } from '@/lib/qualification/queries';

export const metadata = { title: '品牌清单' };

/** The same refusals the service gives, in the same order. */
function disabledReasonOf(life: TLifecycle, passedCount: number): string | null {
  const refusal = operationRefusal('publish-brand-list', life);
  if (refusal) return `${refusal.message}。`;
  if (passedCount === 0) return '还没有通过资格审查的品牌，不能发布空的品牌清单。';
  return null;
}

export default async function BrandListAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const { campaign, now } = await loadCampaignForAdmin(user, id);
  const [versions, rows] = await Promise.all([listBrandListVersions(campaign.id), listQualificationRows(campaign)]);
  const passedCount = rows.filter((row) => row.result === 'PASSED').length;
  const status = qualificationStatus(campaign.stages, now);
  const nextVersion = (versions[0]?.version ?? 0) + 1;
  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回{campaign.title}
      </Link>
      <PageHeader
        title="品牌清单"
        description="把通过资格审查的品牌发布为品牌清单；每次变动发布一个新版本，所有版本都公开可查。"
        actions={
          <>
            <Link href={`/admin/campaigns/${campaign.id}/qualification`} className={buttonClass('secondary')}>资格审查</Link>
            <Link href={`/campaigns/${campaign.id}/brands`} className={buttonClass('secondary')}>查看公开页面</Link>
          </>
        }
      />
      <div className="space-y-4">
        <StageWindowNotice stages={campaign.stages} status={status} purpose="publish" />
        <Card title={versions.length ? '发布新版本' : '发布'}>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:max-w-md">
            <div className="rounded-md bg-green-50 px-3 py-2">
              <dt className="text-xs text-green-800">已通过资格审查</dt>
              <dd className="text-2xl font-semibold text-green-900">{passedCount}</dd>
            </div>
            <div className="rounded-md bg-amber-50 px-3 py-2">
              <dt className="text-xs text-amber-900">待审查</dt>
              <dd className="text-2xl font-semibold text-amber-950">{rows.length - passedCount}</dd>
            </div>
          </dl>
          <PublishBrandListButton
            campaignId={campaign.id}
            nextVersion={nextVersion}
            passedCount={passedCount}
            pendingCount={rows.length - passedCount}
            disabledReason={disabledReasonOf({ status: campaign.status, program: campaign.program, stages: campaign.stages, now }, passedCount)}
          />
        </Card>
        <Card title="版本记录">
          {versions.length ? (
            <BrandListVersions campaignId={campaign.id} versions={versions} />
          ) : (
            <p className="text-sm text-stone-600">
              <span className="font-medium text-stone-800">品牌清单尚未发布。</span>发布后，每个版本的发布时间、发布人和变更理由都会列在这里。
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
