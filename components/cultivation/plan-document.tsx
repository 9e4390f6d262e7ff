import { TaskSchedule } from '@/components/cultivation/task-schedule';
import type { TPlanTask } from '@/lib/cultivation/plan-schema';

/** The plan's text as read by the committee, on screen and on the A4 print page. */
export function PlanDocument({ plan, today }: { plan: { goals: string; measures: string; tasks: TPlanTask[] }; today: string }) {
  return (
    <div className="space-y-4">
      <section>
        <h2 className="mb-1 font-semibold text-stone-900">一、创建目标</h2>
        <p className="whitespace-pre-wrap text-stone-800">{plan.goals || '（未填写）'}</p>
      </section>
      <section>
        <h2 className="mb-1 font-semibold text-stone-900">二、主要措施</h2>
        <p className="whitespace-pre-wrap text-stone-800">{plan.measures || '（未填写）'}</p>
      </section>
      <section>
        <h2 className="mb-1 font-semibold text-stone-900">三、任务与时间节点（倒排工期）</h2>
        <TaskSchedule tasks={plan.tasks} today={today} />
      </section>
    </div>
  );
}
