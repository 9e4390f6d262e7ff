import Link from 'next/link';
import { CampaignWizard } from '@/components/campaign/wizard/campaign-wizard';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { scopeRoots } from '@/lib/auth/scope';
import { loadNewCampaignForm } from '@/lib/campaign/admin-queries';

export const metadata = { title: '新建评选活动' };

export default async function NewCampaignPage() {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { defaults, orgOptions } = await loadNewCampaignForm(scopeRoots(user.roles, ['ORG_ADMIN']));
  return (
    <>
      <Link href="/admin/campaigns" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回评选活动
      </Link>
      <PageHeader title="新建评选活动" description="按步骤填写，最后一步确认后创建。已按“四有一好”标准和常用奖项预填，可修改。" />
      <CampaignWizard defaultValues={defaults} orgOptions={orgOptions} locks={{ groups: {}, stages: {}, isReadOnly: false }} />
    </>
  );
}
