import { PageHeader } from '@/components/ui/card';
import { DeclarationList } from '@/components/application/declaration-list';
import { requirePageUser } from '@/lib/http/page';
import { listDeclarations } from '@/lib/application/queries';
import { Alert } from '@/components/ui/alert';
import { listRemindersForSecretary } from '@/lib/declaration-reminder/queries';
import { formatDateTime } from '@/lib/format';
import { TodoList } from '@/components/workspace/todo-list';
import { secretaryTodos } from '@/lib/todo/secretary';

export const metadata = { title: '品牌申报' };

export default async function DeclareHomePage() {
  const user = await requirePageUser(['BRANCH_SECRETARY']);
  const [{ rows }, reminders, todos] = await Promise.all([listDeclarations(user.roles), listRemindersForSecretary(user.roles), secretaryTodos(user)]);
  return (
    <>
      <PageHeader title="品牌申报" description="填写《党建品牌选树申报表》，自动保存草稿，申报阶段开放期间提交" />
      <TodoList items={todos} />
      {reminders.length > 0 && (
        <div className="mb-4 space-y-2">
          {reminders.map((reminder) => (
            <Alert key={reminder.id} tone="warning">
              {reminder.senderName}于 {formatDateTime(reminder.at)} 催报：{reminder.branchName}的《{reminder.campaignTitle}》申报表尚未提交
              {reminder.endsAt ? `，申报将于 ${formatDateTime(reminder.endsAt)} 截止` : ''}，请尽快填写并提交。
            </Alert>
          ))}
        </div>
      )}
      <DeclarationList rows={rows} />
    </>
  );
}
