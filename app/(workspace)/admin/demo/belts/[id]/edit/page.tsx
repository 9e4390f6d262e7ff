import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import { BeltForm } from '@/components/belt/belt-form';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { loadBeltView } from '@/lib/belt/queries';

export const metadata = { title: '示范带立项与三年计划' };

export default async function BeltEditPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const view = await loadBeltView(user, id);
  if (!view.manager) pageNotFound();
  const { target } = view;
  return (
    <>
      <PageHeader
        title={`${target.name} · 立项与三年计划`}
        description={`${target.ownerOrg.name} · ${target.program.title}`}
        actions={<Link href={`/admin/demo/belts/${target.id}`} className="text-sm text-brand-700 underline">返回示范带</Link>}
      />
      <BeltForm
        beltId={target.id}
        revision={view.revision}
        contentLocked={target.status === 'SUBMITTED' || target.status === 'APPROVED'}
        initial={{ name: target.name, description: view.description, factors: view.factors, plan: view.plan }}
      />
    </>
  );
}
