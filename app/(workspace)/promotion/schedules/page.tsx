import Link from 'next/link';
import { PromotionScheduleForm } from '@/components/promotion/schedule-form';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate } from '@/lib/format';
import { PROMOTION_STAFF, promotionRoots } from '@/lib/promotion/access';
import { listSchedules } from '@/lib/promotion/queries';
import { PROMOTION_KIND_LABELS, RECURRENCE_LABELS } from '@/lib/promotion/schema';

export const metadata = { title: '宣传推广活动计划' };

/** Recurring schedules (一季度一次观摩、半年一次示范观摩) with each recent period held or not. */
export default async function PromotionSchedulesPage() {
  const user = await requirePageUser(PROMOTION_STAFF);
  const schedules = await listSchedules(user.roles, new Date());
  const owners = promotionRoots(user.roles).map((root) => ({ id: root.organizationId, name: root.organizationName }));
  return (
    <>
      <Link href="/promotion" className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回宣传推广</Link>
      <PageHeader title="活动计划" description="每期结束前 7 天仍未举办时提醒主办单位，逾期再提醒一次" />
      <div className="space-y-4">
        {schedules.length === 0 ? (
          <EmptyState title="暂无活动计划">新建一个计划，如“一季度一次现场观摩”。</EmptyState>
        ) : (
          schedules.map((schedule) => (
            <Card key={schedule.id} title={schedule.title}>
              <p className="text-sm text-stone-600">
                {PROMOTION_KIND_LABELS[schedule.kind]} · {RECURRENCE_LABELS[schedule.recurrence]} · {schedule.ownerOrg.name}
              </p>
              <p className="text-xs text-stone-500">
                {formatDate(schedule.startsOn)} 起{schedule.endsOn ? `，至 ${formatDate(schedule.endsOn)}` : ''}
              </p>
              <ul className="mt-2 flex flex-wrap gap-2">
                {schedule.periods.map((period) => (
                  <li key={period.key}>
                    <Badge tone={period.held ? 'success' : period.endsAt < new Date() ? 'warning' : 'neutral'}>
                      {period.label}：{period.held ? `已举办 ${period.held} 次` : period.endsAt < new Date() ? '未举办' : '待举办'}
                    </Badge>
                  </li>
                ))}
              </ul>
            </Card>
          ))
        )}
        <Card title="新建活动计划">
          <PromotionScheduleForm owners={owners} />
        </Card>
      </div>
    </>
  );
}
