import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { VersionHistory } from '@/components/application/version-history';
import { requirePageUser } from '@/lib/http/page';
import { findApplicationForUser, listVersions } from '@/lib/application/queries';

export const metadata = { title: '申报表提交记录' };

export default async function ApplicationHistoryPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { applicationId } = await params;
  if (!(await findApplicationForUser(applicationId, user.roles))) notFound();
  const { application, versions } = await listVersions(applicationId, user.roles);
  const backHref = application.isSecretary ? `/declare/${application.id}` : `/committee/applications/${application.id}`;
  return (
    <>
      <PageHeader
        title="提交记录"
        description={`${application.organization.name} · ${application.campaign.title}`}
        actions={<Link href={backHref} className={buttonClass('secondary')}>返回申报表</Link>}
      />
      <VersionHistory versions={versions} />
    </>
  );
}
