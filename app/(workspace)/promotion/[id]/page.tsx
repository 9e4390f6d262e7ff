import Link from 'next/link';
import { ContestSetupForm } from '@/components/promotion/contest-form';
import { ContestRankingTable } from '@/components/promotion/ranking-table';
import { Badge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { formatDateTime } from '@/lib/format';
import { fileUrl } from '@/lib/files/service';
import { PROMOTION_STAFF } from '@/lib/promotion/access';
import { contestHasSheets, contestOrganizations, contestRanking, judgeCandidates, loadPromotionEvent } from '@/lib/promotion/queries';
import { PROMOTION_KIND_LABELS } from '@/lib/promotion/schema';

export const metadata = { title: '宣传推广活动' };

export default async function PromotionEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(PROMOTION_STAFF);
  const event = await loadPromotionEvent(user.roles, (await params).id);
  if (!event) pageNotFound();
  const isContest = event.kind === 'CONTEST';
  const ranking = isContest ? await contestRanking(event.id) : [];
  const scoringStarted = isContest && (await contestHasSheets(event.id));
  const [organizations, candidates] = isContest && !scoringStarted ? await Promise.all([contestOrganizations(event.ownerOrg.path), judgeCandidates(event.ownerOrg.path)]) : [[], []];
  const photos = event.files.filter((file) => file.slot === 'PHOTO');
  const materials = event.files.filter((file) => file.slot === 'MATERIAL');
  return (
    <>
      <Link href="/promotion" className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回宣传推广</Link>
      <PageHeader title={event.title} description={<Badge tone={isContest ? 'warning' : 'brand'}>{PROMOTION_KIND_LABELS[event.kind]}</Badge>} />
      <div className="space-y-4">
        <Card title="活动情况">
          <dl className="grid gap-2 text-sm sm:grid-cols-[7rem_1fr]">
            <dt className="text-stone-500">时间</dt>
            <dd>{formatDateTime(event.heldAt)}</dd>
            <dt className="text-stone-500">地点</dt>
            <dd>{event.place || '—'}</dd>
            <dt className="text-stone-500">主办单位</dt>
            <dd>{event.ownerOrg.name}</dd>
            {event.schedule && (
              <>
                <dt className="text-stone-500">活动计划</dt>
                <dd>{event.schedule.title}</dd>
              </>
            )}
            <dt className="text-stone-500">参加人员</dt>
            <dd className="whitespace-pre-wrap">{event.participants || '—'}</dd>
            <dt className="text-stone-500">活动情况</dt>
            <dd className="whitespace-pre-wrap">{event.summary || '—'}</dd>
          </dl>
        </Card>
        {event.sites.length > 0 && (
          <Card title={`观摩的示范点（${event.sites.length} 个）`}>
            <ol className="space-y-2 text-sm">
              {event.sites.map(({ site }, index) => (
                <li key={site.id} className="flex gap-2">
                  <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-700 text-xs text-white">{index + 1}</span>
                  <span>
                    {site.name}
                    {site.status === 'REVOKED' && <span className="ml-1 text-xs text-red-700">（已摘牌）</span>}
                    <span className="block text-xs text-stone-500">{site.address}</span>
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        )}
        {(photos.length > 0 || materials.length > 0) && (
          <Card title="材料和照片">
            {photos.length > 0 && (
              <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {photos.map(({ file, caption }) => (
                  <li key={file.id}>
                    <a href={fileUrl(file.id)} target="_blank" rel="noreferrer">
                      {/* eslint-disable-next-line @next/next/no-img-element */}
                      <img src={fileUrl(file.id, 'thumb')} alt={caption || file.originalName} className="aspect-[4/3] w-full rounded object-cover" />
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {materials.length > 0 && (
              <ul className="mt-3 space-y-1 text-sm">
                {materials.map(({ file }) => (
                  <li key={file.id}>
                    <a href={fileUrl(file.id)} className="text-brand-700 hover:underline">{file.originalName}</a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        {isContest && (
          <Card title="擂台比武排名">
            {ranking.length === 0 ? (
              <p className="text-sm text-stone-500">尚未设置参赛单位。</p>
            ) : (
              <>
                <ContestRankingTable rows={ranking} judges={event.judges.length} />
                <p className="mt-2 text-xs text-stone-500">
                  评分标准：{event.criteria.map((criterion) => `${criterion.name}（${criterion.maxPoints}分）`).join('、')}；评委：{event.judges.map((row) => row.judge.displayName).join('、') || '—'}。按已提交评分表的平均分排名，分数相同的名次并列。
                </p>
              </>
            )}
          </Card>
        )}
        {isContest && !scoringStarted && (
          <Card title="擂台比武设置">
            <ContestSetupForm
              eventId={event.id}
              criteria={event.criteria}
              judgeIds={event.judges.map((row) => row.judge.id)}
              entries={event.entries.map((entry) => ({ organizationId: entry.organizationId, brandId: entry.brandId ?? '', presenter: entry.presenter, topic: entry.topic }))}
              organizations={organizations}
              candidates={candidates}
            />
          </Card>
        )}
      </div>
    </>
  );
}

