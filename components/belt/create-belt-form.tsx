'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { createBeltAction } from '@/lib/belt/actions';
import { BELT_LIMITS } from '@/lib/belt/schema';

type TProgram = { id: string; title: string; owners: { id: string; name: string }[] };

/** 新建示范带: a program, the committee building it, a name; then its page for sites, 立项 and plan. */
export function CreateBeltForm({ programs }: { programs: TProgram[] }) {
  const id = useId();
  const router = useRouter();
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const program = programs.find((candidate) => candidate.id === programId);
  const [ownerOrgId, setOwnerOrgId] = useState(program?.owners[0]?.id ?? '');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      aria-label="新建示范带"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await createBeltAction({ programId, ownerOrgId, name }).catch(() => null);
          if (!result) return setError('网络异常，未保存，请重试');
          if (!result.ok) {
            setErrors(result.fieldErrors ?? {});
            return setError(result.message);
          }
          router.push(`/admin/demo/belts/${result.data.id}`);
        });
      }}
    >
      <Field id={`${id}-program`} label="示范建设项目" required>
        <select
          id={`${id}-program`}
          className={inputClass}
          value={programId}
          onChange={(event) => {
            setProgramId(event.target.value);
            setOwnerOrgId(programs.find((candidate) => candidate.id === event.target.value)?.owners[0]?.id ?? '');
          }}
        >
          {programs.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>{candidate.title}</option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-owner`} label="建设单位" required error={errors.ownerOrgId}>
        <select id={`${id}-owner`} className={inputClass} value={ownerOrgId} onChange={(event) => setOwnerOrgId(event.target.value)}>
          {(program?.owners ?? []).map((owner) => (
            <option key={owner.id} value={owner.id}>{owner.name}</option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Field id={`${id}-name`} label="示范带名称" required error={errors.name}>
          <TextInput id={`${id}-name`} value={name} maxLength={BELT_LIMITS.name} invalid={!!errors.name} onChange={(event) => setName(event.target.value)} />
        </Field>
      </div>
      <div>
        <Button type="submit" isLoading={isPending}>新建示范带</Button>
      </div>
      {error && <div className="sm:col-span-2"><Alert tone="error">{error}</Alert></div>}
    </form>
  );
}
