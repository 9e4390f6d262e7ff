import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { ApplicationStatusBadge } from '@/components/application/application-status-badge';
import { ApplicationView } from '@/components/application/application-view';
import { ReturnApplicationButton } from '@/components/application/return-application-button';
import { LevelDecisions } from '@/components/recommendation/level-decisions';
import { EarlierHonours } from '@/components/brand/earlier-honours';
import { earlierHonoursOfEntry } from '@/lib/brand/honours';
import { requirePageUser } from '@/lib/http/page';
import { findApplicationForUser } from '@/lib/application/queries';
import { listApplicationFiles } from '@/lib/application/files';
import { formatDateTime } from '@/lib/format';
import { loadRecommendationTrail } from '@/lib/application/recommendation-trail';

export const metadata = { title: '查看申报表' };

export default async function CommitteeApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const application = await findApplicationForUser(id, user.roles);
  if (!application) notFound();
  const [files, trail, earlierHonours] = await Promise.all([
    listApplicationFiles(application.id),
    loadRecommendationTrail(application.id, user.roles),
    earlierHonoursOfEntry(application.id),
  ]);
  return (
    <>
      <PageHeader
        title={application.values.brandName || '申报表'}
        description={`${application.organization.name} · ${application.campaign.title}`}
        actions={
          <>
            <Link href="/applications" className={buttonClass('ghost')}>返回申报列表</Link>
            <Link href={`/declare/${application.id}/history`} className={buttonClass('secondary')}>提交记录</Link>
            {application.canReturn && <ReturnApplicationButton applicationId={application.id} />}
          </>
        }
      />
      <div className="space-y-4">
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <ApplicationStatusBadge status={application.status} />
          {application.submittedAt && <span>最近提交于 {formatDateTime(application.submittedAt)}</span>}
        </p>
        <EarlierHonours honours={earlierHonours} />
        {application.status === 'RETURNED' && <Alert tone="warning">已退回申报单位重新申报。退回理由：{application.returnReason}</Alert>}
        {application.status !== 'DRAFT' && trail && trail.length > 0 && (
          <Card title="逐级推荐意见">
            <LevelDecisions levels={trail} label="各级推荐单位的决定、排序与推荐意见" framed={false} />
          </Card>
        )}
        <ApplicationView values={application.values} organizationName={application.organization.name} fieldName={application.fieldName} criteria={application.campaign.criteria} files={files} />
      </div>
    </>
  );
}
