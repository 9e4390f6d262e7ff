'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { OrganizationSelect } from '@/components/user/organization-select';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/field';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLE_LABELS, ROLE_ORDER } from '@/lib/auth/roles';
import { assignRoleAction, removeRoleAction } from '@/lib/user/actions';
import type { TOrganizationOption, TUserSummary } from '@/lib/user/queries';

type TGrant = TUserSummary['roles'][number];

export function UserRolesPanel({ user, organizations }: { user: TUserSummary; organizations: TOrganizationOption[] }) {
  const router = useRouter();
  const [removing, setRemoving] = useState<TGrant | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);
  const [role, setRole] = useState<Role>('MEMBER');
  const [organizationId, setOrganizationId] = useState('');
  const [isAdding, setIsAdding] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!organizationId) {
      setMessage({ tone: 'error', text: '请选择组织' });
      return;
    }
    setIsAdding(true);
    setMessage(null);
    const result = await assignRoleAction({ userId: user.id, role, organizationId });
    setIsAdding(false);
    setMessage(result.ok ? { tone: 'success', text: `已添加角色：${ROLE_LABELS[role]}` } : { tone: 'error', text: result.message });
    if (result.ok) router.refresh();
  }

  async function remove() {
    if (!removing) return;
    setIsRemoving(true);
    setRemoveError(null);
    const result = await removeRoleAction({ userId: user.id, role: removing.role, organizationId: removing.organizationId });
    setIsRemoving(false);
    if (!result.ok) {
      setRemoveError(result.message);
      return;
    }
    setMessage({ tone: 'success', text: `已移除角色：${ROLE_LABELS[removing.role]}` });
    setRemoving(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
        {user.roles.map((grant) => (
          <li key={`${grant.role}-${grant.organizationId}`} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <span className="min-w-0">
              <span className="font-medium">{ROLE_LABELS[grant.role]}</span>
              <span className="text-stone-600"> · {grant.organizationName}</span>
              <span className="ml-1 whitespace-nowrap font-mono text-xs text-stone-500">{grant.organizationCode}</span>
            </span>
            <Button
              variant="secondary"
              className="min-h-8 shrink-0 px-3 py-1"
              onClick={() => {
                setRemoveError(null);
                setRemoving(grant);
              }}
              aria-label={`移除 ${ROLE_LABELS[grant.role]} · ${grant.organizationName}`}
            >
              移除
            </Button>
          </li>
        ))}
      </ul>
      {user.hiddenRoleCount > 0 && <p className="text-xs text-stone-500">另有 {user.hiddenRoleCount} 个角色在您的管理范围之外，这里不显示。</p>}
      <form onSubmit={add} className="grid gap-3 rounded-md bg-stone-50 p-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">角色</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)} className={inputClass}>
            {ROLE_ORDER.map((item) => (
              <option key={item} value={item}>{ROLE_LABELS[item]}</option>
            ))}
          </select>
        </label>
        <label className="min-w-0 space-y-1 text-sm">
          <span className="block font-medium">组织</span>
          <OrganizationSelect options={organizations} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} />
        </label>
        <Button type="submit" isLoading={isAdding}>添加角色</Button>
      </form>
      {removing && (
        <ConfirmDialog
          open
          title="移除角色"
          confirmLabel="移除"
          isLoading={isRemoving}
          onConfirm={remove}
          onCancel={() => setRemoving(null)}
        >
          <p>
            移除“{user.displayName}”在“{removing.organizationName}”的{ROLE_LABELS[removing.role]}角色？移除后立即生效。
          </p>
          {removeError && <Alert tone="error">{removeError}</Alert>}
        </ConfirmDialog>
      )}
    </div>
  );
}
