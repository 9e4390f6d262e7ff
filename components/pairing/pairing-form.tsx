'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { createPairingAction } from '@/lib/pairing/actions';
import { PAIRING_KIND_LABELS, PAIRING_LIMITS } from '@/lib/pairing/schema';
import type { TPairingFormOptions } from '@/lib/pairing/queries';

type TKind = keyof typeof PAIRING_KIND_LABELS;

/** A new pairing: which committee, which brand organization, a lagging branch or an outside unit, goals and period. */
export function PairingForm({ options, today }: { options: TPairingFormOptions; today: string }) {
  const id = useId();
  const router = useRouter();
  const [committeeOrgId, setCommitteeOrgId] = useState(options.committees[0]?.id ?? '');
  const [brandId, setBrandId] = useState('');
  const [kind, setKind] = useState<TKind>('BRANCH');
  const [partnerOrgId, setPartnerOrgId] = useState('');
  const [partnerName, setPartnerName] = useState('');
  const [goals, setGoals] = useState('');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(`${today.slice(0, 4)}-12-31`);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const brands = options.brands.filter((brand) => brand.committeeIds.includes(committeeOrgId));
  const lagging = options.lagging.filter((org) => org.committeeIds.includes(committeeOrgId));
  const brand = brands.find((candidate) => candidate.brandId === brandId);

  function save() {
    startTransition(async () => {
      const result = await createPairingAction({
        committeeOrgId,
        brandOrgId: brand?.organizationId ?? '',
        brandId: brand?.brandId ?? null,
        kind,
        partnerOrgId: kind === 'BRANCH' ? partnerOrgId || null : null,
        partnerName: kind === 'ENTERPRISE' ? partnerName : null,
        goals,
        startsOn,
        endsOn,
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }
      router.push(`/pairings/${result.data.id}`);
    });
  }

  return (
    <form
      className="space-y-4"
      aria-label="新建结对"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {options.committees.length > 1 && (
        <Field id={`${id}-committee`} label="组织结对的党(工)委" required error={errors.committeeOrgId}>
          <select id={`${id}-committee`} className={inputClass} value={committeeOrgId} onChange={(event) => setCommitteeOrgId(event.target.value)}>
            {options.committees.map((committee) => (
              <option key={committee.id} value={committee.id}>{committee.name}</option>
            ))}
          </select>
        </Field>
      )}
      <Field id={`${id}-brand`} label="品牌组织" required error={errors.brandOrgId ?? errors.brandId} hint="培育创建中或已认定的品牌">
        <select id={`${id}-brand`} className={inputClass} value={brandId} onChange={(event) => setBrandId(event.target.value)} required>
          <option value="">请选择</option>
          {brands.map((candidate) => (
            <option key={candidate.brandId} value={candidate.brandId}>
              {candidate.organizationName} ·「{candidate.brandName}」（{candidate.status}）
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">结对类型</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {(Object.keys(PAIRING_KIND_LABELS) as TKind[]).map((key) => (
            <label key={key} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${kind === key ? 'border-brand-700 bg-brand-50' : 'border-stone-300 bg-white'}`}>
              <input type="radio" name={`${id}-kind`} value={key} checked={kind === key} onChange={() => setKind(key)} />
              {PAIRING_KIND_LABELS[key]}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'BRANCH' ? (
        <Field id={`${id}-partner`} label="后进党支部" required error={errors.partnerOrgId} hint={lagging.length ? undefined : '本党(工)委下暂无认定的后进党支部，请先在“后进党支部”页认定'}>
          <select id={`${id}-partner`} className={inputClass} value={partnerOrgId} onChange={(event) => setPartnerOrgId(event.target.value)} required>
            <option value="">请选择</option>
            {lagging.map((org) => (
              <option key={org.id} value={org.id}>{org.name}</option>
            ))}
          </select>
        </Field>
      ) : (
        <Field id={`${id}-partner-name`} label="结对单位（企业）名称" required error={errors.partnerName}>
          <TextInput id={`${id}-partner-name`} value={partnerName} onChange={(event) => setPartnerName(event.target.value)} maxLength={PAIRING_LIMITS.partnerName} invalid={!!errors.partnerName} required />
        </Field>
      )}
      <Field id={`${id}-goals`} label="结对目标与计划" required error={errors.goals}>
        <textarea id={`${id}-goals`} className={`${inputClass} min-h-28`} value={goals} onChange={(event) => setGoals(event.target.value)} maxLength={PAIRING_LIMITS.goals} required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-starts`} label="开始日期" required error={errors.startsOn}>
          <TextInput id={`${id}-starts`} type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} invalid={!!errors.startsOn} required />
        </Field>
        <Field id={`${id}-ends`} label="结束日期" required error={errors.endsOn}>
          <TextInput id={`${id}-ends`} type="date" min={startsOn} value={endsOn} onChange={(event) => setEndsOn(event.target.value)} invalid={!!errors.endsOn} required />
        </Field>
      </div>
      {message && <Alert tone="error">{message}</Alert>}
      <Button type="submit" isLoading={isPending} className="w-full sm:w-auto">建立结对</Button>
    </form>
  );
}
