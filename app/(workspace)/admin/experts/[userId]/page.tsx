import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExpertProfileForm } from '@/components/review/expert-profile-form';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/guard';
import { scopeRoots } from '@/lib/auth/scope';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
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
  const roots = scopeRoots(user.roles, ['ORG_ADMIN']);
  const organizations = await db.organization.findMany({
    where: { isActive: true, OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })) },
    select: { id: true, name: true, depth: true, path: true },
    orderBy: { path: 'asc' },
    take: 3000,
  });
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
