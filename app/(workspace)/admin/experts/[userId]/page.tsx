import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExpertProfileForm } from '@/components/review/expert-profile-form';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { scopeRoots } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { listActiveOrganizations } from '@/lib/organization/queries';
import { getExpert } from '@/lib/review/experts';

export const metadata = { title: '编辑专家' };

export default async function ExpertPage({ params }: { params: Promise<{ userId: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { userId } = await params;
  const expert = await getExpert(user.id, userId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!expert) notFound();
  const organizations = await listActiveOrganizations(scopeRoots(user.roles, ['ORG_ADMIN']).map((root) => root.organizationPath));
  const profile = expert.expertProfile;
  return (
    <>
      <Link href="/admin/experts" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回专家库
      </Link>
      <PageHeader title={`编辑专家：${expert.displayName}`} description={expert.phone ?? ''} />
      <ExpertProfileForm
        userId={expert.id}
        organizations={organizations}
        initial={{ homeOrganizationId: profile?.homeOrganizationId ?? '', expertise: profile?.expertise ?? [], title: profile?.title ?? '', workUnit: profile?.workUnit ?? '', note: profile?.note ?? '' }}
      />
    </>
  );
}
