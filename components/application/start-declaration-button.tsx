'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { startDraftAction } from '@/lib/application/actions';

type TBrandOption = { id: string; name: string; lastDeclared: string };

/**
 * Creates (or finds) the organization's application for the campaign — or, `another`, one more — then opens the form.
 * With earlier brands, 从上次申报开始: the new form copies the chosen brand's last submitted declaration.
 */
export function StartDeclarationButton({
  campaignId,
  organizationId,
  another = false,
  brands = [],
}: {
  campaignId: string;
  organizationId: string;
  another?: boolean;
  brands?: readonly TBrandOption[];
}) {
  const router = useRouter();
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [brandId, setBrandId] = useState('');

  async function start() {
    setIsLoading(true);
    setError(null);
    const result = await startDraftAction({ campaignId, organizationId, another, ...(brandId && { brandId }) });
    if (result.ok) {
      router.push(`/declare/${result.data.id}`);
      return;
    }
    setIsLoading(false);
    setError(result.message);
  }

  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      {brands.length > 0 && (
        <label className="text-sm">
          <span className="block text-xs text-stone-600">从上次申报开始</span>
          <select className={`${inputClass} sm:w-64`} value={brandId} onChange={(event) => setBrandId(event.target.value)}>
            <option value="">申报新品牌（空白申报表）</option>
            {brands.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
                {brand.lastDeclared ? `（${brand.lastDeclared}）` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <Button variant={another ? 'secondary' : 'primary'} onClick={start} isLoading={isLoading}>
        {another ? '再申报一个品牌' : '填写申报表'}
      </Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
