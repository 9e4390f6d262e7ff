import type { SelectHTMLAttributes } from 'react';
import { inputClass } from '@/components/ui/field';
import type { TOrganizationOption } from '@/lib/user/queries';

type TProps = SelectHTMLAttributes<HTMLSelectElement> & { options: TOrganizationOption[]; invalid?: boolean };

/** The admin's organizations in tree order, indented by level. */
export function OrganizationSelect({ options, invalid, ...props }: TProps) {
  return (
    <select className={inputClass} aria-invalid={invalid || undefined} {...props}>
      <option value="">请选择组织</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {'　'.repeat(option.depth)}
          {option.name}（{option.code}）
        </option>
      ))}
    </select>
  );
}
