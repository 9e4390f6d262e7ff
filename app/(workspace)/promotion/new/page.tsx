import Link from 'next/link';
import { PromotionEventForm } from '@/components/promotion/event-form';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { PROMOTION_STAFF } from '@/lib/promotion/access';
import { eventFormOptions } from '@/lib/promotion/queries';

export const metadata = { title: '登记宣传推广活动' };

export default async function NewPromotionEventPage() {
  const user = await requirePageUser(PROMOTION_STAFF);
  const owners = await eventFormOptions(user.roles);
  return (
    <>
      <Link href="/promotion" className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回宣传推广</Link>
      <PageHeader title="登记宣传推广活动" description="擂台比武登记后在活动页设置评分标准、参赛单位和评委" />
      {owners.length === 0 ? (
        <EmptyState title="没有可主办活动的单位" />
      ) : (
        <Card>
          <PromotionEventForm owners={owners} />
        </Card>
      )}
    </>
  );
}
