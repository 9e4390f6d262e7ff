import Link from 'next/link';
import { AcceptanceRequestForm } from '@/components/acceptance/request-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { loadBranchCultivation } from '@/lib/acceptance/queries';

export const metadata = { title: '申请验收' };

export default async function RequestAcceptancePage({ params }: { params: Promise<{ cultivationId: string }> }) {
  const user = await requirePageUser(['BRANCH_SECRETARY']);
  const cultivation = await loadBranchCultivation(user, (await params).cultivationId);
  if (!cultivation) pageNotFound();
  return (
    <>
      <Link href="/acceptance" className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回验收认定</Link>
      <PageHeader title={`申请验收：“${cultivation.brand.name}”`} description={`${cultivation.brand.organization.name} · ${cultivation.campaign.title}`} />
      {cultivation.requestBlock ? <Alert tone="info">{cultivation.requestBlock}</Alert> : <AcceptanceRequestForm cultivationId={cultivation.id} />}
    </>
  );
}
