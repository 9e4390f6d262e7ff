'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { createBrochureAction } from '@/lib/promotion/actions';

type TOwner = { id: string; name: string; brands: { id: string; name: string; organizationName: string }[] };

/** 新建宣传画册: title, subtitle and the honoured / recognised brands of the subtree in page order. */
export function BrochureForm({ owners }: { owners: TOwner[] }) {
  const router = useRouter();
  const [ownerOrgId, setOwnerOrgId] = useState(owners[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [subtitle, setSubtitle] = useState('');
  const [brandIds, setBrandIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const owner = owners.find((option) => option.id === ownerOrgId);
  const brandName = new Map(owner?.brands.map((brand) => [brand.id, brand.name]));

  const move = (index: number, delta: number) =>
    setBrandIds((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item!);
      return next;
    });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await createBrochureAction({ ownerOrgId, title, subtitle, brandIds }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setErrors({});
      setBrandIds([]);
      setTitle('');
      setSubtitle('');
      setMessage({ tone: 'success', text: '已生成宣传画册，可在上方下载 PDF' });
      return router.refresh();
    }
    setErrors(result && !result.ok ? (result.fieldErrors ?? {}) : {});
    setMessage({ tone: 'error', text: result?.message ?? '网络异常，画册未保存' });
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {owners.length > 1 && (
        <Field id="brochure-owner" label="编印单位" required>
          <select id="brochure-owner" className={inputClass} value={ownerOrgId} onChange={(event) => (setOwnerOrgId(event.target.value), setBrandIds([]))}>
            {owners.map((option) => (
              <option key={option.id} value={option.id}>{option.name}</option>
            ))}
          </select>
        </Field>
      )}
      <Field id="brochure-title" label="画册标题" required error={errors.title}>
        <input id="brochure-title" className={inputClass} value={title} maxLength={60} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <Field id="brochure-subtitle" label="副标题" error={errors.subtitle}>
        <input id="brochure-subtitle" className={inputClass} value={subtitle} maxLength={100} onChange={(event) => setSubtitle(event.target.value)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">收录的品牌（获得表彰或认定、未摘牌）</legend>
        {errors.brandIds && <p role="alert" className="text-sm text-red-700">{errors.brandIds}</p>}
        {!owner?.brands.length ? (
          <p className="text-sm text-stone-500">范围内暂无获得表彰或认定的品牌。</p>
        ) : (
          <div className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-stone-200 p-2">
            {owner.brands.map((brand) => (
              <label key={brand.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={brandIds.includes(brand.id)} onChange={() => setBrandIds((list) => (list.includes(brand.id) ? list.filter((id) => id !== brand.id) : [...list, brand.id]))} />
                <span>
                  {brand.name}
                  <span className="block text-xs text-stone-500">{brand.organizationName}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {brandIds.length > 0 && (
          <ol className="space-y-1 text-sm" aria-label="画册顺序">
            {brandIds.map((id, index) => (
              <li key={id} className="flex items-center justify-between gap-2 rounded bg-stone-50 px-2 py-1">
                <span>{index + 1}. {brandName.get(id)}</span>
                <span className="flex gap-1">
                  <Button variant="secondary" className="px-2 py-0.5" disabled={index === 0} onClick={() => move(index, -1)} aria-label="上移">↑</Button>
                  <Button variant="secondary" className="px-2 py-0.5" disabled={index === brandIds.length - 1} onClick={() => move(index, 1)} aria-label="下移">↓</Button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" isLoading={busy}>生成画册</Button>
      </div>
    </form>
  );
}
