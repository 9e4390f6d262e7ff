'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import type { OrgField } from '@/lib/generated/prisma/enums';
import { ORG_FIELD_LABELS, ORG_FIELDS } from '@/lib/org-tree/fields';
import { saveExpertProfileAction } from '@/lib/review/actions';

type TValues = { homeOrganizationId: string; expertise: OrgField[]; title: string; workUnit: string; note: string };

/** An expert's profile: where they come from (回避), what they know (同领域优先), how they are introduced. */
export function ExpertProfileForm({ userId, initial, organizations }: { userId: string; initial: TValues; organizations: { id: string; name: string; depth: number }[] }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<TValues>({ defaultValues: initial });
  const [message, setMessage] = useState<string | null>(null);
  const minDepth = Math.min(...organizations.map((org) => org.depth), 0);

  async function save(values: TValues) {
    setMessage(null);
    const result = await saveExpertProfileAction({ userId, ...values, homeOrganizationId: values.homeOrganizationId || null, expertise: values.expertise || [] }).catch(() => null);
    if (result?.ok) {
      router.push('/admin/experts?saved=1');
      return;
    }
    for (const [path, text] of Object.entries(result?.fieldErrors ?? {})) setError(path as keyof TValues, { message: text });
    setMessage(result?.message ?? '网络异常，未能保存');
  }

  return (
    <form onSubmit={handleSubmit(save)} className="space-y-5 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="expert-home" label="所在单位" hint="自动分配时，专家不评审本单位、其上级（主办单位以下）和下级单位的申报" error={formState.errors.homeOrganizationId?.message}>
        <select id="expert-home" className={inputClass} {...register('homeOrganizationId')}>
          <option value="">不在本组织体系内（不按组织回避）</option>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {'　'.repeat(Math.max(0, org.depth - minDepth))}
              {org.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">擅长领域</legend>
        <p className="text-xs text-stone-500">自动分配时优先安排同领域专家。</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {ORG_FIELDS.map((field) => (
            <label key={field} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" value={field} className="size-4 accent-brand-700" {...register('expertise')} />
              {ORG_FIELD_LABELS[field]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="expert-title" label="职务职称" error={formState.errors.title?.message}>
          <input id="expert-title" className={inputClass} maxLength={40} {...register('title')} />
        </Field>
        <Field id="expert-unit" label="工作单位" error={formState.errors.workUnit?.message}>
          <input id="expert-unit" className={inputClass} maxLength={60} {...register('workUnit')} />
        </Field>
      </div>
      <Field id="expert-note" label="备注" error={formState.errors.note?.message}>
        <textarea id="expert-note" rows={2} maxLength={500} className={inputClass} {...register('note')} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.push('/admin/experts')}>取消</Button>
        <Button type="submit" isLoading={formState.isSubmitting}>保存</Button>
      </div>
    </form>
  );
}
