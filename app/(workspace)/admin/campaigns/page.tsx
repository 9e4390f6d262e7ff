import Link from 'next/link';
import { CampaignAdminList } from '@/components/campaign/campaign-admin-list';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { ADMIN_CAMPAIGNS_PAGE_SIZE, listAdminCampaigns } from '@/lib/campaign/admin-queries';
import { queryString } from '@/lib/format';

export const metadata = { title: '评选活动' };

export default async function AdminCampaignsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { page: rawPage } = await searchParams;
  const page = Math.max(1, Math.floor(Number(Array.isArray(rawPage) ? rawPage[0] : rawPage)) || 1);
  const paths = user.roles.filter((grant) => grant.role === 'ORG_ADMIN').map((grant) => grant.organizationPath);
  const { now, total, campaigns } = await listAdminCampaigns({ paths, page });
  const createLink = (
    <Link href="/admin/campaigns/new" className={buttonClass('primary')}>
      新建评选活动
    </Link>
  );
  return (
    <>
      <PageHeader title="评选活动" description="本级及下级组织部开展的党建品牌选树活动" actions={createLink} />
      {total === 0 ? (
        <EmptyState title="还没有评选活动">
          <p>新建一个评选活动，设置阶段时间、领域、奖项、评分标准和推荐名额。</p>
          <div className="mt-4">{createLink}</div>
        </EmptyState>
      ) : (
        <>
          <CampaignAdminList campaigns={campaigns} now={now} />
          <Pagination
            page={page}
            pageCount={Math.max(1, Math.ceil(total / ADMIN_CAMPAIGNS_PAGE_SIZE))}
            total={total}
            hrefFor={(target) => `/admin/campaigns${queryString({ page: target > 1 ? target : undefined })}`}
          />
        </>
      )}
    </>
  );
}
