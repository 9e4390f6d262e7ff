import { formatDateTime } from '@/lib/format';

const TONES = {
  danger: 'bg-red-50 text-red-800 ring-red-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-200',
  info: 'bg-sky-50 text-sky-800 ring-sky-200',
  ok: 'bg-green-50 text-green-800 ring-green-200',
};

function Tag({ tone, children, title }: { tone: keyof typeof TONES; children: string; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

type TStatus = { isDisabled: boolean; isLocked: boolean; lockedUntil: Date | null; mustChangePassword: boolean };

export function UserStatusTags({ user }: { user: TStatus }) {
  const isNormal = !user.isDisabled && !user.isLocked && !user.mustChangePassword;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {user.isDisabled && <Tag tone="danger">已停用</Tag>}
      {user.isLocked && <Tag tone="warning" title={`锁定至 ${formatDateTime(user.lockedUntil)}`}>已锁定</Tag>}
      {user.mustChangePassword && <Tag tone="info" title="使用初始密码或重置后的密码，首次登录须修改">待改密</Tag>}
      {isNormal && <Tag tone="ok">正常</Tag>}
    </span>
  );
}
