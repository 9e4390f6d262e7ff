'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/dialog';
import { setOrganizationActiveAction } from '@/lib/organization/actions';
import type { TOrgTreeRow } from '@/lib/organization/queries';
import { countDescendants } from '@/lib/organization/tree-view';

type TProps = {
  open: boolean;
  org: TOrgTreeRow | null;
  rows: TOrgTreeRow[];
  onClose: () => void;
  onDone: (message: string) => void;
};

/** Confirms disabling (the whole subtree) or enabling (this organization only). */
export function ToggleOrganizationDialog({ open, org, rows, onClose, onDone }: TProps) {
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabling = org?.isActive ?? true;

  function cancel() {
    setError(null);
    onClose();
  }

  async function confirm() {
    if (!org) return;
    setIsLoading(true);
    const result = await setOrganizationActiveAction({ id: org.id, isActive: !disabling });
    setIsLoading(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    onDone(disabling ? `已停用「${org.name}」及其 ${result.data.affected - 1} 个下级组织` : `已启用「${org.name}」`);
  }

  const descendants = org ? countDescendants(rows, org) : 0;
  return (
    <ConfirmDialog
      open={open && !!org}
      title={disabling ? '停用组织' : '启用组织'}
      confirmLabel={disabling ? '确认停用' : '确认启用'}
      tone={disabling ? 'danger' : 'primary'}
      isLoading={isLoading}
      onConfirm={confirm}
      onCancel={cancel}
    >
      {org && disabling && (
        <>
          <p>
            确定停用 <strong className="text-stone-900">{org.name}</strong> 吗？
          </p>
          <p>
            {descendants > 0 ? (
              <>它的<strong className="text-red-800">整个下级子树（{descendants} 个下级组织）将一并停用</strong>。</>
            ) : (
              <>它目前没有下级组织。</>
            )}
            停用后不能在其下新建组织，也不能把组织移到其下；在这些组织任职的账号随即失去相应权限。需要时可以重新启用。
          </p>
        </>
      )}
      {org && !disabling && (
        <>
          <p>
            确定启用 <strong className="text-stone-900">{org.name}</strong> 吗？
          </p>
          <p>只启用这一个组织；它的下级组织保持停用，需要时请逐个启用。</p>
        </>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
