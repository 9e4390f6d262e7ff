'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { createDemoSiteAction, updateDemoSiteAction } from '@/lib/demo-site/actions';

type TOrganizationOption = { id: string; name: string; brands: { id: string; name: string }[] };
type TSiteValues = { organizationId: string; brandId: string | null; name: string; level: 'CITY' | 'COUNTY'; address: string; latitude: number | null; longitude: number | null; description: string };

const EMPTY: TSiteValues = { organizationId: '', brandId: null, name: '', level: 'COUNTY', address: '', latitude: null, longitude: null, description: '' };

/** Create a 示范点 in a program, or edit one: organization from the staff's subtree, optional brand, coordinates checked by the server. */
export function SiteForm({ programId, siteId, organizations, initial = EMPTY }: { programId?: string; siteId?: string; organizations: TOrganizationOption[]; initial?: TSiteValues }) {
  const router = useRouter();
  const [values, setValues] = useState({ ...initial, latitude: initial.latitude?.toString() ?? '', longitude: initial.longitude?.toString() ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((current) => ({ ...current, ...patch }));
  const brands = organizations.find((org) => org.id === values.organizationId)?.brands ?? [];
  const coordinate = (text: string) => (text.trim() === '' ? null : Number(text));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const fields = { ...values, latitude: coordinate(values.latitude), longitude: coordinate(values.longitude) };
    const result = await (siteId ? updateDemoSiteAction({ siteId, ...fields }) : createDemoSiteAction({ programId: programId ?? '', ...fields })).catch(() => null);
    setBusy(false);
    if (!result) return setMessage('网络异常，请稍后重试');
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setMessage(result.message);
    }
    setErrors({});
    setMessage('已保存');
    if (!siteId) router.push(`/admin/demo/sites/${result.data.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={siteId ? '修改示范点' : '新建示范点'}>
      <Field id="site-org" label="所属组织" error={errors.organizationId} required>
        <select id="site-org" className={inputClass} value={values.organizationId} onChange={(event) => set({ organizationId: event.target.value, brandId: null })}>
          <option value="">请选择</option>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="site-brand" label="展示的品牌" error={errors.brandId}>
        <select id="site-brand" className={inputClass} value={values.brandId ?? ''} onChange={(event) => set({ brandId: event.target.value || null })}>
          <option value="">（无）</option>
          {brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="site-name" label="示范点名称" error={errors.name} required>
        <TextInput id="site-name" maxLength={60} value={values.name} invalid={!!errors.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <Field id="site-level" label="级别" required>
        <select id="site-level" className={inputClass} value={values.level} onChange={(event) => set({ level: event.target.value as 'CITY' | 'COUNTY' })}>
          <option value="CITY">市级示范点</option>
          <option value="COUNTY">县级示范点</option>
        </select>
      </Field>
      <Field id="site-address" label="地址" error={errors.address}>
        <TextInput id="site-address" maxLength={120} value={values.address} onChange={(event) => set({ address: event.target.value })} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="site-lat" label="纬度（可选）" error={errors.latitude}>
          <TextInput id="site-lat" inputMode="decimal" value={values.latitude} invalid={!!errors.latitude} onChange={(event) => set({ latitude: event.target.value })} />
        </Field>
        <Field id="site-lng" label="经度（可选）" error={errors.longitude}>
          <TextInput id="site-lng" inputMode="decimal" value={values.longitude} invalid={!!errors.longitude} onChange={(event) => set({ longitude: event.target.value })} />
        </Field>
      </div>
      <Field id="site-description" label="简介" error={errors.description}>
        <textarea id="site-description" className={inputClass} rows={3} maxLength={1000} value={values.description} onChange={(event) => set({ description: event.target.value })} />
      </Field>
      <Button type="submit" isLoading={busy}>
        {siteId ? '保存修改' : '新建示范点'}
      </Button>
      {message && (
        <p role="status" className="text-sm text-stone-700">
          {message}
        </p>
      )}
    </form>
  );
}
