import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { TPublicComment } from '@/lib/demo-public/queries';

/** 群众意见 shown on a public page: approved ones only, "群众" and the day, the staff reply under each; and the way to add one. */
export function PublicComments({ comments, commentHref }: { comments: TPublicComment[]; commentHref: string }) {
  return (
    <section aria-labelledby="comments-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comments-heading" className="text-base font-semibold text-stone-900">群众意见</h2>
        <Link href={commentHref} prefetch={false} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
          我要提意见
        </Link>
      </div>
      <p className="text-xs text-stone-600">意见经工作人员审核后显示，不公开任何个人信息。</p>
      {comments.length === 0 ? (
        <p className="text-sm text-stone-600">暂无意见。</p>
      ) : (
        <ul className="space-y-3">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="text-xs text-stone-600">
                {comment.displayName} · <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
              </p>
              <p className="mt-1 whitespace-pre-line break-words text-sm text-stone-900">{comment.body}</p>
              {comment.reply && (
                <div className="mt-2 rounded-md bg-brand-50/70 p-2 text-sm">
                  <p className="text-xs font-medium text-brand-800">
                    工作人员回复{comment.repliedAt && <> · <time dateTime={comment.repliedAt}>{formatDate(comment.repliedAt)}</time></>}
                  </p>
                  <p className="mt-1 whitespace-pre-line break-words text-stone-900">{comment.reply}</p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
