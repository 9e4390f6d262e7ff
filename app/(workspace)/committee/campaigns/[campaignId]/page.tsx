import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { DeclarationProgress } from '@/components/declaration-reminder/declaration-progress';
import { QuotaMeter } from '@/components/recommendation/quota-meter';
import { RecommendationBoard } from '@/components/recommendation/recommendation-board';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime } from '@/lib/format';
import { getDeclarationProgressForUser } from '@/lib/declaration-reminder/queries';
import { levelStatusLabel } from '@/lib/campaign/recommendation-deadline';
import { listRecommendingLevels, loadRecommendationLevel } from '@/lib/recommendation/queries';

export const metadata = { title: '逐级推荐' };

type TProps = { params: Promise<{ campaignId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecommendationLevelPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['COMMITTEE_ADMIN']);
  const { campaignId } = await params;
  const requested = (await searchParams).org;
  const levels = (await listRecommendingLevels(user.roles)).filter((level) => level.campaign.id === campaignId);
  const organizationId = typeof requested === 'string' ? requested : levels[0]?.organization.id;
  const level = organizationId ? await loadRecommendationLevel(campaignId, organizationId, user.roles) : null;
  if (!level || !levels.some((candidate) => candidate.organization.id === level.organization.id)) notFound();
  const progress = await getDeclarationProgressForUser(level.campaign.id, level.organization.id, user.roles);
  // During 申报 the branches still to declare come first; afterwards they are a record below the board.
  const declarations = progress && (
    <DeclarationProgress
      campaignId={level.campaign.id}
      organizationId={level.organization.id}
      counts={progress.counts}
      refusal={progress.refusal?.message ?? null}
      deadlineText={progress.campaign.declarationEndsAt && !progress.refusal ? formatDateTime(progress.campaign.declarationEndsAt) : null}
      branches={progress.pending.map((branch) => ({
        id: branch.id,
        name: branch.name,
        parentName: branch.parentName === level.organization.name ? '' : branch.parentName,
        state: branch.state,
        secretaryNames: branch.secretaryNames,
        phoneCount: branch.phones.length,
        remindedToday: branch.remindedToday,
        lastReminderText: branch.lastReminder
          ? `最近催报：${formatDateTime(branch.lastReminder.at)} · ${[branch.lastReminder.senderName, branch.lastReminder.byName?.includes(branch.lastReminder.senderName) ? null : branch.lastReminder.byName].filter(Boolean).join(' ')} · ${branch.lastReminder.sentCount ? `短信 ${branch.lastReminder.sentCount} 条` : '未发短信'}`
          : null,
      }))}
    />
  );
  const editable = level.stage === 'open';
  const exportHref = (format: 'xlsx' | 'pdf') => `/api/recommendations/summary?campaign=${level.campaign.id}&org=${level.organization.id}&format=${format}`;
  return (
    <>
      <PageHeader
        title="逐级推荐"
        description={`${level.campaign.title} · ${level.organization.name}`}
        actions={
          <>
            <Link href="/committee" className={buttonClass('ghost')}>返回推荐工作台</Link>
            <a href={exportHref('xlsx')} className={buttonClass('secondary')} download>推荐汇总表（Excel）</a>
            <a href={exportHref('pdf')} className={buttonClass('secondary')} download>推荐汇总表（PDF）</a>
          </>
        }
      />
      <div className="mb-4 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1 text-sm text-stone-600">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={editable ? 'brand' : 'muted'}>{levelStatusLabel(level)}</Badge>
            {level.stage === 'upcoming' && level.startsAt && <span>{formatDateTime(level.startsAt)} 开始</span>}
            {level.endsAt && level.stage !== 'closed' && <span>{level.hasOwnDeadline ? '本级截止' : '截止'} {formatDateTime(level.endsAt)}</span>}
          </p>
          <p>本级共 {level.entries.length} 个申报{level.belowCount > 0 && `，另有 ${level.belowCount} 个正在下级推荐中`}。</p>
        </div>
        <QuotaMeter used={level.used} limit={level.limit} size="lg" />
      </div>
      {!progress?.refusal && declarations}
      {!editable && (
        <div className="mb-4">
          <Alert tone="warning">{level.stage === 'upcoming'
              ? '推荐阶段尚未开始，可以先查看申报。'
              : level.hasOwnDeadline && level.endsAt
                ? `本级推荐已于 ${formatDateTime(level.endsAt)} 截止，以下为本级的推荐结果。`
                : '推荐阶段已结束，以下为本级的推荐结果。'}</Alert>
        </div>
      )}
      <RecommendationBoard campaignId={level.campaign.id} organizationId={level.organization.id} entries={level.entries} editable={editable} />
      {progress?.refusal && <div className="mt-6">{declarations}</div>}
    </>
  );
}
