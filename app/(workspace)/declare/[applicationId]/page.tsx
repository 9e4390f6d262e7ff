import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { ApplicationFiles } from '@/components/application/application-files';
import { ApplicationForm } from '@/components/application/application-form';
import { ApplicationStatusBanner } from '@/components/application/application-status-banner';
import { ApplicationView } from '@/components/application/application-view';
import { UnsavedCopyNotice } from '@/components/application/unsaved-copy-notice';
import { requirePageUser } from '@/lib/http/page';
import { findApplicationForUser } from '@/lib/application/queries';
import { listApplicationFiles, MAX_DOCUMENTS, MAX_PHOTOS } from '@/lib/application/files';

export const metadata = { title: '填写申报表' };

export default async function ApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const user = await requirePageUser(['BRANCH_SECRETARY']);
  const { applicationId } = await params;
  const application = await findApplicationForUser(applicationId, user.roles);
  if (!application || !application.isSecretary) notFound();
  const files = await listApplicationFiles(application.id);
  return (
    <>
      <PageHeader
        title="党建品牌选树申报表"
        description={application.campaign.title}
        actions={
          <>
            <Link href="/declare" className={buttonClass('ghost')}>返回申报列表</Link>
            <Link href={`/declare/${application.id}/history`} className={buttonClass('secondary')}>提交记录</Link>
            <Link href={`/applications/${application.id}/print`} className={buttonClass('secondary')}>打印申报表</Link>
          </>
        }
      />
      <div className="space-y-4">
        <ApplicationStatusBanner application={application} />
        {application.canEdit ? (
          <ApplicationForm
            applicationId={application.id}
            revision={application.revision}
            values={application.values}
            rules={application.rules}
            organizationName={application.organization.name}
            fields={application.campaign.fields}
            criteria={application.campaign.criteria}
            attachments={<ApplicationFiles applicationId={application.id} initial={files} maxPhotos={MAX_PHOTOS} maxDocuments={MAX_DOCUMENTS} />}
          />
        ) : (
          <>
            <UnsavedCopyNotice applicationId={application.id} values={application.values} criteria={application.campaign.criteria} fields={application.campaign.fields} />
            <ApplicationView values={application.values} organizationName={application.organization.name} fieldName={application.fieldName} criteria={application.campaign.criteria} files={files} />
          </>
        )}
      </div>
    </>
  );
}
