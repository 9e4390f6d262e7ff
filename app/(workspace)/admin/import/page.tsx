import { ImportSection } from '@/components/import/import-section';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { importOrganizationsAction, importUsersAction } from '@/lib/import/actions';

export const metadata = { title: '批量导入' };

function TemplateLink({ kind }: { kind: 'organizations' | 'users' }) {
  return (
    <a href={`/api/import/template?kind=${kind}`} download className="text-sm font-medium text-brand-700 hover:underline">
      下载{kind === 'organizations' ? '组织' : '用户'}导入模板
    </a>
  );
}

export default async function ImportPage() {
  await requirePageUser(['ORG_ADMIN']);
  return (
    <>
      <PageHeader
        title="批量导入"
        description="先导入组织，再导入用户。每个文件先逐行检查，全部正确才会写入；同一文件重复导入不会产生变化。"
      />
      <div className="space-y-4">
        <Card title="组织" actions={<TemplateLink kind="organizations" />}>
          <p className="mb-4 text-sm text-stone-600">按组织代码新建或更新您管理范围内的组织；上级组织可以是系统中已有的组织，也可以是同一文件中的另一行。</p>
          <ImportSection kind="organizations" action={importOrganizationsAction} />
        </Card>
        <Card title="用户" actions={<TemplateLink kind="users" />}>
          <p className="mb-4 text-sm text-stone-600">按登录名新建账号或补充角色，一个角色一行。新账号的初始密码在导入后显示一次，首次登录须修改密码。</p>
          <ImportSection kind="users" action={importUsersAction} />
        </Card>
      </div>
    </>
  );
}
