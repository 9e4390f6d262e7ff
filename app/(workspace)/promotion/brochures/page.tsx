import Link from 'next/link';
import { BrochureForm } from '@/components/promotion/brochure-form';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate } from '@/lib/format';
import { PROMOTION_STAFF } from '@/lib/promotion/access';
import { brochureFormOptions, listBrochures } from '@/lib/promotion/queries';

export const metadata = { title: '宣传画册' };

/** 宣传画册: the brochures of the staff's subtrees (A4 PDF on request) and a form for a new one. */
export default async function BrochuresPage() {
  const user = await requirePageUser(PROMOTION_STAFF);
  const [brochures, owners] = await Promise.all([listBrochures(user.roles), brochureFormOptions(user.roles)]);
  return (
    <>
      <Link href="/promotion" className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回宣传推广</Link>
      <PageHeader title="宣传画册" description="封面、目录和每个品牌一页（标识、口号、内涵、照片、荣誉），A4 PDF" />
      <div className="space-y-4">
        {brochures.length === 0 ? (
          <EmptyState title="暂无宣传画册">选择获得表彰或认定的品牌，生成一本画册。</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
            {brochures.map((brochure) => (
              <li key={brochure.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">{brochure.title}</p>
                  <p className="text-xs text-stone-500">
                    {brochure.subtitle ? `${brochure.subtitle} · ` : ''}
                    {brochure.brandIds.length} 个品牌 · {brochure.ownerOrg.name} · {formatDate(brochure.createdAt)}
                  </p>
                </div>
                <a href={`/api/promotion/brochures/${brochure.id}/pdf`} className="text-brand-700 hover:underline">下载 PDF</a>
              </li>
            ))}
          </ul>
        )}
        <Card title="新建宣传画册">
          <BrochureForm owners={owners} />
        </Card>
      </div>
    </>
  );
}
