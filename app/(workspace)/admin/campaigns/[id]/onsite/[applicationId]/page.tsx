import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OnsiteCheckForm } from '@/components/review/onsite-check-form';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';
import { Alert } from '@/components/ui/alert';
import { getOnsiteCheck, loadInspectorOptions, loadOnsiteLock } from '@/lib/review/onsite';

export const metadata = { title: '实地核验记录' };

type TProps = { params: Promise<{ id: string; applicationId: string }> };

export default async function OnsiteCheckPage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id, applicationId } = await params;
  const campaign = await loadReviewCampaignForPage(user, id);
  const [check, inspectors, locked] = await Promise.all([getOnsiteCheck(campaign, applicationId), loadInspectorOptions(campaign), loadOnsiteLock(campaign.id)]);
  if (!check) notFound();
  const backHref = `/admin/campaigns/${campaign.id}/onsite`;
  return (
    <>
      <Link href={backHref} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回实地核验
      </Link>
      <PageHeader title={`实地核验：${check.entry.brandName || '未命名品牌'}`} description={check.entry.organizationName} />
      {locked && <Alert tone="info">{locked.message}，本页只供查看。</Alert>}
      <OnsiteCheckForm campaignId={campaign.id} applicationId={applicationId} initial={check} inspectors={inspectors} backHref={backHref} />
    </>
  );
}
