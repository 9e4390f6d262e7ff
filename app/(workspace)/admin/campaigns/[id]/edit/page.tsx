import Link from 'next/link';
import { CampaignWizard } from '@/components/campaign/wizard/campaign-wizard';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { scopeRoots } from '@/lib/auth/scope';
import { loadCampaignForAdmin } from '@/lib/campaign/admin-page';
import { listCampaignOrgOptions } from '@/lib/campaign/admin-queries';

export const metadata = { title: '修改评选活动' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string }> };

export default async function EditCampaignPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const { campaign, setup, locks } = await loadCampaignForAdmin(user, id);
  const options = await listCampaignOrgOptions(scopeRoots(user.roles, ['ORG_ADMIN']).map((grant) => grant.organizationPath));
  const owner = campaign.ownerOrg;
  const orgOptions = options.some((option) => option.id === owner.id)
    ? options
    : [{ id: owner.id, name: owner.shortName ?? owner.name, path: owner.path, depth: owner.depth }, ...options];
  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回活动
      </Link>
      <PageHeader title="修改评选活动" description={campaign.title} />
      {locks.isReadOnly ? (
        <Alert tone="info">评选活动已结束或已取消，设置不能再修改。</Alert>
      ) : (
        <>
          {Object.keys(locks.groups).length > 0 && (
            <div className="mb-4">
              <Alert tone="warning">已开始的阶段所约束的规则已锁定，只能查看；其余设置仍可修改。</Alert>
            </div>
          )}
          <CampaignWizard campaignId={campaign.id} defaultValues={setup} orgOptions={orgOptions} locks={locks} initialStep={Number(step) || 0} />
        </>
      )}
    </>
  );
}
