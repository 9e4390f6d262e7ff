import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { RoleCampaigns } from '@/components/workspace/role-campaigns';
import { requirePageUser } from '@/lib/http/page';
import { countAdminScope } from '@/lib/organization/queries';
import { listCampaignsAbove } from '@/lib/campaign/queries';
import { DashboardSection } from '@/components/dashboard/dashboard-section';
import { loadDashboardScope } from '@/lib/dashboard/scope';
import { getStaffDashboard } from '@/lib/dashboard/staff-dashboard';

export const metadata = { title: '组织部工作台' };

type TProps = { searchParams: Promise<{ campaign?: string; org?: string }> };

export default async function AdminHomePage({ searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const query = await searchParams;
  const scope = await loadDashboardScope(user, 'ORG_ADMIN', { campaign: typeof query.campaign === 'string' ? query.campaign : undefined, org: typeof query.org === 'string' ? query.org : undefined });
  const grants = user.roles.filter((grant) => grant.role === 'ORG_ADMIN');
  const paths = grants.map((grant) => grant.organizationPath);
  const [stats, { now, campaigns }, board] = await Promise.all([
    countAdminScope(paths),
    listCampaignsAbove(paths),
    scope?.campaign ? getStaffDashboard({ campaignId: scope.campaign.id, rootOrgId: scope.root.id }) : null,
  ]);
  const tiles = [
    { label: '党组织', value: stats.organizations, href: '/admin/orgs' },
    { label: '用户', value: stats.users, href: '/admin/users' },
    { label: '评选活动', value: campaigns.length, href: '/admin/campaigns' },
  ];
  return (
    <>
      <PageHeader title="组织部工作台" description={grants.map((grant) => grant.organizationName).join('、')} />
      {scope && <DashboardSection scope={scope} board={board} audience="organizer" basePath="/admin" />}
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        {tiles.map((tile) => (
          <Link key={tile.href} href={tile.href} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600">
            <p className="text-sm text-stone-600">{tile.label}</p>
            <p className="mt-1 text-3xl font-bold text-brand-700">{tile.value}</p>
          </Link>
        ))}
      </div>
      <Card title="评选活动">
        <RoleCampaigns campaigns={campaigns} now={now} note="在“评选活动”中设置阶段、名额、评分标准和奖项。" />
      </Card>
    </>
  );
}
