import { scheduleTasks, type TPlanTask } from '@/lib/cultivation/plan-schema';
import { formatDate } from '@/lib/format';

/** 倒排工期: the tasks by date with the days left (overdue in red). */
export function TaskSchedule({ tasks, today }: { tasks: readonly TPlanTask[]; today: string }) {
  const scheduled = scheduleTasks(tasks.filter((task) => task.title.trim()), today);
  if (!scheduled.length) return <p className="text-sm text-stone-500">添加任务后，这里按时间节点排出工期。</p>;
  return (
    <ol className="divide-y divide-stone-200 text-sm">
      {scheduled.map((task, index) => (
        <li key={index} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
          <span className="min-w-0 flex-1 font-medium text-stone-900">{task.title}</span>
          <span className="text-stone-600">{task.dueOn ? formatDate(`${task.dueOn}T00:00:00+08:00`) : '未定时间'} · {task.responsible || '未定责任人'}</span>
          {task.daysLeft !== null && (
            <span className={task.daysLeft < 0 ? 'text-red-700' : task.daysLeft <= 7 ? 'text-amber-800' : 'text-stone-600'}>
              {task.daysLeft < 0 ? `已过 ${-task.daysLeft} 天` : task.daysLeft === 0 ? '今天到期' : `剩 ${task.daysLeft} 天`}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
