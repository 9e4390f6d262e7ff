import Link from 'next/link';
import { ContestSheetForm } from '@/components/promotion/contest-sheet-form';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { formatDateTime } from '@/lib/format';
import { loadContestSheet } from '@/lib/promotion/queries';

export const metadata = { title: '擂台比武评分表' };

export default async function ContestSheetPage({ params }: { params: Promise<{ entryId: string }> }) {
  const user = await requirePageUser(['EXPERT', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const entry = await loadContestSheet(user.id, (await params).entryId);
  if (!entry) pageNotFound();
  const submitted = !!entry.sheet?.submittedAt;
  return (
    <>
      <Link href="/promotion/contests" className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回评分列表</Link>
      <PageHeader title={`${entry.sortOrder}. ${entry.organization.name}`} description={`${entry.event.title} · ${formatDateTime(entry.event.heldAt)}`} />
      <Card title={entry.brand ? `“${entry.brand.name}”` : '汇报'}>
        <p className="mb-3 text-sm text-stone-600">
          {entry.presenter ? `汇报人：${entry.presenter}` : ''}
          {entry.topic ? `${entry.presenter ? ' · ' : ''}${entry.topic}` : ''}
        </p>
        {submitted ? (
          <div className="space-y-2">
            <Alert tone="success">评分已于 {formatDateTime(entry.sheet!.submittedAt!)} 提交，合计 {entry.sheet!.total} 分。</Alert>
            <ul className="divide-y divide-stone-200 rounded-md border border-stone-200 text-sm">
              {entry.criteria.map((criterion, index) => (
                <li key={criterion.name} className="flex justify-between p-3">
                  <span>{criterion.name}</span>
                  <span>{entry.sheet!.scores[index]} / {criterion.maxPoints}</span>
                </li>
              ))}
            </ul>
            {entry.sheet!.comment && <p className="text-sm whitespace-pre-wrap text-stone-700">评语：{entry.sheet!.comment}</p>}
          </div>
        ) : (
          <ContestSheetForm entryId={entry.id} criteria={entry.criteria} initial={entry.sheet ? { scores: entry.sheet.scores, comment: entry.sheet.comment } : null} />
        )}
      </Card>
    </>
  );
}
