'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { deletePanelAction, savePanelAction } from '@/lib/review/actions';

type TPanel = { id: string; name: string; fieldId: string | null; fieldName: string | null; memberIds: string[] };
type TProps = { campaignId: string; panels: TPanel[]; fields: { id: string; name: string }[]; experts: { id: string; name: string }[]; canChange: boolean };

/** 专家组: with panels the campaign's experts are their members, and a field's panel is preferred for that field's entries. */
export function PanelManager({ campaignId, panels, fields, experts, canChange }: TProps) {
  const router = useRouter();
  const id = useId();
  const [editing, setEditing] = useState<TPanel | null>(null);
  const [deleting, setDeleting] = useState<TPanel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(experts.map((expert) => [expert.id, expert.name]));

  async function save() {
    if (!editing) return;
    setBusy(true);
    setError(null);
    const result = await savePanelAction({ campaignId, panelId: editing.id || null, name: editing.name, fieldId: editing.fieldId, memberIds: editing.memberIds }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setEditing(null);
      router.refresh();
    } else setError(result?.fieldErrors?.name ?? result?.message ?? '网络异常，未能保存');
  }

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    const result = await deletePanelAction({ panelId: deleting.id }).catch(() => null);
    setBusy(false);
    setDeleting(null);
    if (result?.ok) router.refresh();
    else setError(result?.message ?? '网络异常，未能删除');
  }

  return (
    <div className="space-y-3 text-sm">
      {error && !editing && <Alert tone="error">{error}</Alert>}
      {panels.length === 0 ? (
        <p className="text-stone-600">未设专家组：专家库中（主办单位及其下级任命的）全部专家都参加本活动评审。设专家组后，只有组内专家参加。</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {panels.map((panel) => (
            <li key={panel.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div>
                <p className="font-medium text-stone-900">
                  {panel.name}
                  <span className="ml-2 text-xs font-normal text-stone-500">{panel.fieldName ? `对应领域：${panel.fieldName}` : '不限领域'}</span>
                </p>
                <p className="text-xs text-stone-600">{panel.memberIds.map((member) => names.get(member) ?? '（已不在专家库）').join('、') || '暂无成员'}</p>
              </div>
              {canChange && (
                <span className="flex gap-1">
                  <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={() => setEditing(panel)} aria-label={`编辑专家组 ${panel.name}`}>编辑</Button>
                  <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={() => setDeleting(panel)} aria-label={`删除专家组 ${panel.name}`}>删除</Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <Button variant="secondary" onClick={() => setEditing({ id: '', name: '', fieldId: null, fieldName: null, memberIds: [] })}>
          + 新建专家组
        </Button>
      )}
      <Dialog
        open={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.id ? '编辑专家组' : '新建专家组'}
        footer={
          <>
            <Button variant="secondary" onClick={() => setEditing(null)}>取消</Button>
            <Button isLoading={busy} onClick={() => void save()}>保存</Button>
          </>
        }
      >
        {editing && (
          <div className="space-y-4">
            {error && <Alert tone="error">{error}</Alert>}
            <Field id={`${id}-name`} label="专家组名称" required>
              <input id={`${id}-name`} className={inputClass} maxLength={30} value={editing.name} onChange={(event) => setEditing({ ...editing, name: event.target.value })} />
            </Field>
            <Field id={`${id}-field`} label="对应领域" hint="该领域的品牌优先由本组专家评审">
              <select id={`${id}-field`} className={inputClass} value={editing.fieldId ?? ''} onChange={(event) => setEditing({ ...editing, fieldId: event.target.value || null })}>
                <option value="">不限领域</option>
                {fields.map((field) => (
                  <option key={field.id} value={field.id}>{field.name}</option>
                ))}
              </select>
            </Field>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium text-stone-800">成员</legend>
              <div className="grid max-h-60 gap-1 overflow-y-auto rounded-md border border-stone-200 p-2 sm:grid-cols-2">
                {experts.map((expert) => (
                  <label key={expert.id} className="flex min-h-10 items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-700"
                      checked={editing.memberIds.includes(expert.id)}
                      onChange={() =>
                        setEditing({ ...editing, memberIds: editing.memberIds.includes(expert.id) ? editing.memberIds.filter((member) => member !== expert.id) : [...editing.memberIds, expert.id] })
                      }
                    />
                    {expert.name}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        )}
      </Dialog>
      <ConfirmDialog open={!!deleting} title={`删除专家组“${deleting?.name ?? ''}”？`} confirmLabel="确认删除" isLoading={busy} onConfirm={() => void remove()} onCancel={() => setDeleting(null)}>
        <p>已分配的评分表不受影响；之后的自动分配不再按本组安排。</p>
      </ConfirmDialog>
    </div>
  );
}
