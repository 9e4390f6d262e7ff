'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextInput } from '@/components/ui/field';
import { moveOrganizationAction } from '@/lib/organization/actions';
import type { TOrgTreeRow } from '@/lib/organization/queries';
import { ZMoveOrganization, type TMoveOrganization } from '@/lib/organization/schema';
import { moveTargets, relativeDepths, treeOrder } from '@/lib/organization/tree-view';

type TProps = {
  open: boolean;
  org: TOrgTreeRow | null;
  rows: TOrgTreeRow[];
  onClose: () => void;
  onDone: (message: string, expandId?: string) => void;
};

export function MoveOrganizationDialog({ open, org, rows, onClose, onDone }: TProps) {
  const formId = useId();
  const [isSubmitting, setIsSubmitting] = useState(false);
  return (
    <Dialog
      open={open && !!org}
      onClose={onClose}
      title="移动组织"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={isSubmitting}>取消</Button>
          <Button type="submit" form={formId} isLoading={isSubmitting}>移动</Button>
        </>
      }
    >
      {org && <MoveForm formId={formId} org={org} rows={rows} onSubmitting={setIsSubmitting} onDone={onDone} />}
    </Dialog>
  );
}

type TFormProps = { formId: string; org: TOrgTreeRow; rows: TOrgTreeRow[]; onSubmitting: (value: boolean) => void; onDone: TProps['onDone'] };

function MoveForm({ formId, org, rows, onSubmitting, onDone }: TFormProps) {
  const [filter, setFilter] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<TMoveOrganization>({
    resolver: zodResolver(ZMoveOrganization),
    defaultValues: { id: org.id, newParentId: '' },
  });
  const depths = useMemo(() => relativeDepths(rows), [rows]);
  const parentName = rows.find((row) => row.id === org.parentId)?.name;
  const needle = filter.trim().toLowerCase();
  const ordered = useMemo(() => treeOrder(rows), [rows]);
  const candidates = moveTargets(ordered, org).filter(
    (row) => !needle || row.name.toLowerCase().includes(needle) || row.code.toLowerCase().includes(needle),
  );

  async function onSubmit(values: TMoveOrganization) {
    setFormError(null);
    onSubmitting(true);
    const result = await moveOrganizationAction(values);
    onSubmitting(false);
    if (result.ok) {
      const target = rows.find((row) => row.id === values.newParentId);
      onDone(`已把「${org.name}」移动到「${target?.name ?? '新的上级组织'}」之下`, values.newParentId);
      return;
    }
    if (result.fieldErrors?.newParentId) setError('newParentId', { message: result.message });
    else setFormError(result.message);
  }

  const error = formState.errors.newParentId?.message;
  const errorId = `${formId}-error`;
  return (
    <form id={formId} onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
      <p className="text-sm text-stone-600">
        把 <span className="font-medium text-stone-900">{org.name}</span> 连同它的全部下级组织移动到新的上级组织之下。
        {parentName && <> 当前上级：{parentName}。</>}
      </p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div>
        <label htmlFor={`${formId}-filter`} className="block text-sm font-medium text-stone-800">查找新的上级组织</label>
        <TextInput id={`${formId}-filter`} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="名称或组织代码" autoComplete="off" />
      </div>
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend className="mb-1 text-sm font-medium text-stone-800">新的上级组织<span className="ml-0.5 text-red-700" aria-hidden>*</span></legend>
        {error && (
          <p id={errorId} role="alert" className="mb-2 text-sm text-red-700">{error}</p>
        )}
        <div className={`max-h-64 overflow-y-auto rounded-md border ${error ? 'border-red-600' : 'border-stone-300'}`}>
          {candidates.length === 0 ? (
            <p className="px-3 py-4 text-sm text-stone-500">没有符合条件的组织</p>
          ) : (
            <ul>
              {candidates.map((row) => (
                <li key={row.id}>
                  <label
                    className="flex cursor-pointer items-start gap-2 border-b border-stone-100 py-2 pr-3 text-sm last:border-b-0 hover:bg-stone-50 has-[:checked]:bg-brand-50"
                    style={{ paddingLeft: `${0.75 + (needle ? 0 : Math.min(depths.get(row.id) ?? 0, 4) * 0.75)}rem` }}
                  >
                    <input type="radio" value={row.id} className="mt-1 accent-brand-700" {...register('newParentId')} />
                    <span className="min-w-0">
                      <span className="block break-words text-stone-900">{row.name}</span>
                      <span className="block font-mono text-xs text-stone-500">{row.code}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>
    </form>
  );
}
