import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime } from '@/lib/format';
import { judgeContests } from '@/lib/promotion/queries';

export const metadata = { title: '擂台比武评分' };

/** The 擂台比武 a judge sits on, with a sheet per presentation. */
export default async function JudgeContestsPage() {
  const user = await requirePageUser(['EXPERT', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const contests = await judgeContests(user.id);
  return (
    <>
      <PageHeader title="擂台比武评分" description="逐个为参赛单位的汇报打分；提交后不能修改" />
      {contests.length === 0 ? (
        <EmptyState title="暂无需要评分的擂台比武">组织部门把您列为评委后显示在这里。</EmptyState>
      ) : (
        <div className="space-y-4">
          {contests.map((contest) => (
            <Card key={contest.id} title={contest.title}>
              <p className="mb-2 text-xs text-stone-500">{formatDateTime(contest.heldAt)}{contest.place ? ` · ${contest.place}` : ''}</p>
              <ol className="divide-y divide-stone-200 text-sm">
                {contest.entries.map((entry) => {
                  const sheet = entry.scores[0];
                  return (
                    <li key={entry.id} className="flex items-center justify-between gap-2 py-2">
                      <Link href={`/promotion/contests/${entry.id}`} className="min-w-0 text-brand-700 hover:underline">
                        {entry.sortOrder}. {entry.organization.name}
                        {entry.brand && <span className="block text-xs text-stone-500">“{entry.brand.name}”{entry.presenter ? ` · ${entry.presenter}` : ''}</span>}
                      </Link>
                      {sheet?.submittedAt ? <Badge tone="success">已提交 {sheet.total} 分</Badge> : sheet ? <Badge tone="warning">已保存</Badge> : <Badge>未评分</Badge>}
                    </li>
                  );
                })}
              </ol>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
