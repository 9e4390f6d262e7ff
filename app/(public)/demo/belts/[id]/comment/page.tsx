import type { Metadata } from 'next';
import Link from 'next/link';
import { CommentForm } from '@/components/demo-public/comment-form';
import { PublicHeader } from '@/components/layout/public-header';
import { pageNotFound } from '@/lib/http/page';
import { commentSubject } from '@/lib/demo-public/queries';

// The form lives on its own page: the belt page stays a cached document without client runtime.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '提出意见 · 示范带', robots: { index: false } };

type TProps = { params: Promise<{ id: string }> };

export default async function BeltCommentPage({ params }: TProps) {
  const { id } = await params;
  const subject = await commentSubject({ beltId: id });
  if (!subject) pageNotFound();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-xl space-y-5 px-4 py-6">
        <nav aria-label="返回">
          <Link href={`/demo/belts/${id}`} prefetch={false} className="text-sm text-brand-700 underline underline-offset-2">← {subject.name}</Link>
        </nav>
        <header className="space-y-1">
          <h1 className="text-xl font-bold text-stone-900">提出意见</h1>
          <p className="text-sm text-stone-700">对示范带“{subject.name}”的建设和服务提出意见建议。</p>
        </header>
        <CommentForm subject={{ beltId: id }} backHref={`/demo/belts/${id}`} />
      </main>
    </>
  );
}
