import Link from 'next/link';
import { ModerationControls } from '@/components/demo-public/moderation-controls';
import { Badge } from '@/components/ui/badge';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { DEMO_SECTION_TABS, SectionTabs } from '@/components/ui/section-tabs';
import { formatDateTime } from '@/lib/format';
import type { CommentStatus } from '@/lib/generated/prisma/enums';
import { requirePageUser } from '@/lib/http/page';
import { MODERATOR_ROLES } from '@/lib/demo-public/comment-service';
import { listModerationQueue, QUEUE_PAGE_SIZE } from '@/lib/demo-public/moderation-queries';

export const metadata = { title: '群众意见' };

const TABS: { status: CommentStatus; label: string }[] = [
  { status: 'PENDING', label: '待审核' },
  { status: 'APPROVED', label: '已公开' },
  { status: 'REJECTED', label: '不予显示' },
];

type TProps = { searchParams: Promise<{ status?: string | string[] }> };

/** The moderation queue of 群众意见 on the belts and sites of the reader's subtree. */
export default async function PublicCommentsPage({ searchParams }: TProps) {
  const user = await requirePageUser(MODERATOR_ROLES);
  const requested = (await searchParams).status;
  const status = TABS.find((tab) => tab.status === requested)?.status ?? 'PENDING';
  const { comments, counts } = await listModerationQueue(user.roles, status);
  return (
    <>
      <SectionTabs label="示范建设" tabs={DEMO_SECTION_TABS} current="/public-comments" />
      <PageHeader title="群众意见" description="示范点、示范带公开页上群众提出的意见：审核通过后公开显示（不显示任何个人信息），可公开回复。" />
      <nav aria-label="意见状态" className="mb-4 flex flex-wrap gap-2">
        {TABS.map((tab) => (
          <Link
            key={tab.status}
            href={`/public-comments?status=${tab.status}`}
            aria-current={tab.status === status ? 'page' : undefined}
            className="rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {tab.label}（{counts[tab.status]}）
          </Link>
        ))}
      </nav>
      {comments.length === 0 ? (
        <EmptyState title={status === 'PENDING' ? '没有待审核的意见' : '暂无意见'} />
      ) : (
        <ol className="space-y-3">
          {comments.map((comment, index) => {
            const subjectHref = `/demo/${comment.subject.kind === 'belt' ? 'belts' : 'sites'}/${comment.subject.id}`;
            return (
              <li key={comment.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={comment.subject.kind === 'belt' ? 'brand' : 'info'}>{comment.subject.kind === 'belt' ? '示范带' : '示范点'}</Badge>
                  <Link href={subjectHref} className="font-medium text-brand-700 hover:underline">{comment.subject.name}</Link>
                  <span className="text-xs text-stone-600">{comment.subject.organizationName}</span>
                </div>
                <p className="whitespace-pre-line break-words text-sm text-stone-900">{comment.body}</p>
                <p className="text-xs text-stone-600">
                  {formatDateTime(comment.createdAt)} 提出
                  {comment.moderatedAt && `；${formatDateTime(comment.moderatedAt)} ${comment.moderatedBy ? `${comment.moderatedBy} ` : ''}${comment.status === 'APPROVED' ? '审核通过' : '决定不予显示'}`}
                </p>
                {comment.rejectReason && <p className="text-sm text-stone-800">不予显示的理由：{comment.rejectReason}</p>}
                {comment.reply && (
                  <p className="rounded-md bg-brand-50/70 p-2 text-sm text-stone-900">
                    <span className="text-xs font-medium text-brand-800">回复{comment.repliedAt && `（${formatDateTime(comment.repliedAt)}）`}：</span>
                    {comment.reply}
                  </p>
                )}
                <ModerationControls commentId={comment.id} status={comment.status} reply={comment.reply} label={`第 ${index + 1} 条意见`} />
              </li>
            );
          })}
        </ol>
      )}
      {comments.length >= QUEUE_PAGE_SIZE && <p className="mt-3 text-xs text-stone-600">只显示前 {QUEUE_PAGE_SIZE} 条；处理后刷新页面可见更多。</p>}
    </>
  );
}
