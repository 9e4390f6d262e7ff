import Link from 'next/link';
import { CampaignSettings } from '@/components/campaign/campaign-settings';
import { CampaignDocuments } from '@/components/documents/campaign-documents';
import { ReminderSmsToggle } from '@/components/notifications/reminder-sms-toggle';
import { CampaignStatusBadge } from '@/components/campaign/campaign-status-badge';
import { CancelCampaignButton, FinishCampaignButton } from '@/components/campaign/campaign-end-buttons';
import { PublishCampaignButton } from '@/components/campaign/publish-campaign-button';
import { StageTimeline } from '@/components/campaign/stage-timeline';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { loadCampaignForAdmin } from '@/lib/campaign/admin-page';
import { organizationNames } from '@/lib/campaign/admin-queries';
import { isOperationAllowed } from '@/lib/campaign/lifecycle';
import { sortStages, stageStatus } from '@/lib/campaign/stages';
import { formatDateTime } from '@/lib/format';
import { CAMPAIGN_ADMIN_LINKS, PROGRAM_LABELS, programHasStage } from '@/lib/campaign/templates';
import { reminderSmsEnabled } from '@/lib/notifications/queries';
import { loadCampaignDocuments } from '@/lib/documents/queries';

export const metadata = { title: '评选活动' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string }> };

export default async function CampaignPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, notice] = await Promise.all([params, searchParams]);
  const { campaign, now, setup, locks } = await loadCampaignForAdmin(user, id);
  const [orgNames, reminderSms, documents] = await Promise.all([
    organizationNames([campaign.ownerOrgId, ...campaign.quotas.map((quota) => quota.organizationId)]),
    reminderSmsEnabled(campaign.id),
    campaign.status === 'DRAFT' ? null : loadCampaignDocuments(user, campaign.id),
  ]);
  const life = { status: campaign.status, program: campaign.program, stages: campaign.stages, now };
  const stages = sortStages(campaign.stages).map((stage) => ({
    kind: stage.kind,
    isEnabled: stage.isEnabled,
    startsAt: stage.startsAt.toISOString(),
    endsAt: stage.endsAt.toISOString(),
    status: stageStatus(stage, now),
  }));
  return (
    <>
      <Link href="/admin/campaigns" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回评选活动
      </Link>
      <PageHeader
        title={campaign.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} />
            {PROGRAM_LABELS[campaign.program]} · {campaign.ownerOrg.shortName ?? campaign.ownerOrg.name} · {campaign.year}年度{campaign.batch ? ` · 第${campaign.batch}批` : ''}
          </span>
        }
        actions={
          <>
            {!locks.isReadOnly && (
              <Link href={`/admin/campaigns/${campaign.id}/edit`} className={buttonClass('secondary')}>
                修改设置
              </Link>
            )}
            {campaign.status !== 'DRAFT' && (
              <>
              {CAMPAIGN_ADMIN_LINKS.filter((link) => programHasStage(campaign.program, link.stage)).map((link) => (
                <Link key={link.path} href={`/admin/campaigns/${campaign.id}/${link.path}`} className={buttonClass('secondary')}>
                  {link.label[campaign.program] ?? link.label.SELECTION}
                </Link>
              ))}
              </>
            )}
            {campaign.status === 'DRAFT' && <PublishCampaignButton campaignId={campaign.id} />}
            {isOperationAllowed('finish', life) && <FinishCampaignButton campaignId={campaign.id} />}
            {isOperationAllowed('cancel', life) && <CancelCampaignButton campaignId={campaign.id} isPublished={campaign.status === 'PUBLISHED'} />}
          </>
        }
      />
      <div className="space-y-4">
        {notice.created && <Alert tone="success">评选活动已创建{campaign.status === 'DRAFT' ? '（草稿）。确认无误后请发布。' : '并已发布。'}</Alert>}
        {notice.saved && <Alert tone="success">设置已保存。</Alert>}
        {campaign.status === 'DRAFT' && <Alert tone="warning">草稿尚未发布，各级组织还看不到本活动；发布前所有设置都可修改。</Alert>}
        {campaign.status === 'FINISHED' && <Alert tone="info">本活动已于 {formatDateTime(campaign.finishedAt)} 结束，各环节不能再操作；仍可摘牌、查阅和导出。</Alert>}
        {campaign.status === 'CANCELLED' && (
          <Alert tone="warning">
            本活动已于 {formatDateTime(campaign.cancelledAt)} 撤销，各环节不能再操作。撤销理由：{campaign.cancelReason}
          </Alert>
        )}
        <Card title="阶段安排" actions={<span className="text-xs text-stone-500">按服务器时间 {formatDateTime(now)} 判断</span>}>
          <StageTimeline campaignId={campaign.id} stages={stages} canMove={campaign.status === 'PUBLISHED'} program={campaign.program} />
        </Card>
        {campaign.status !== 'FINISHED' && campaign.status !== 'CANCELLED' && (
          <Card title="提醒">
            <ReminderSmsToggle campaignId={campaign.id} enabled={reminderSms} />
          </Card>
        )}
        {documents && <CampaignDocuments data={documents} />}
        <CampaignSettings campaignId={campaign.id} setup={setup} locks={locks} orgNames={orgNames} />
      </div>
    </>
  );
}
