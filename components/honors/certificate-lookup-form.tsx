import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

/** A plain GET form (works without JavaScript): /certificates?no=… sends the visitor to the number's page. */
export function CertificateLookupForm({ defaultValue = '', error }: { defaultValue?: string; error?: string }) {
  return (
    <form action="/certificates" method="get" className="space-y-2" role="search" aria-label="查验证书">
      <label htmlFor="certificate-no" className="block text-sm font-medium text-stone-800">
        证书编号
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="certificate-no"
          name="no"
          defaultValue={defaultValue}
          placeholder="如 DJPP-2026-000001"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          className={`${inputClass} font-mono tracking-wide`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'certificate-no-error' : 'certificate-no-hint'}
        />
        <button type="submit" className={buttonClass('primary', 'shrink-0 sm:w-28')}>
          查验
        </button>
      </div>
      {error ? (
        <p id="certificate-no-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id="certificate-no-hint" className="text-xs text-stone-500">
          编号印在证书左下角；扫描证书上的二维码可直接打开查验结果。
        </p>
      )}
    </form>
  );
}
