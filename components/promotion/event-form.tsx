'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FileUpload } from '@/components/upload/file-upload';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import type { TUploadedFile } from '@/lib/files/service';
import { createPromotionEventAction } from '@/lib/promotion/actions';
import { PROMOTION_KIND_LABELS, PROMOTION_KINDS, type TPromotionKind } from '@/lib/promotion/schema';

export type TEventOwnerOption = {
  id: string;
  name: string;
  sites: { id: string; name: string; address: string; program: { title: string } }[];
  schedules: { id: string; title: string; kind: TPromotionKind }[];
};

/** 登记活动: kind, time (Asia/Shanghai), place, the 示范点 visited in order, participants, summary, materials and photos. */
export function PromotionEventForm({ owners }: { owners: TEventOwnerOption[] }) {
  const router = useRouter();
  const [ownerId, setOwnerId] = useState(owners[0]?.id ?? '');
  const [kind, setKind] = useState<TPromotionKind>('OBSERVATION');
  const [scheduleId, setScheduleId] = useState('');
  const [title, setTitle] = useState('');
  const [heldAt, setHeldAt] = useState('');
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState('');
  const [summary, setSummary] = useState('');
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [materials, setMaterials] = useState<TUploadedFile[]>([]);
  const [photos, setPhotos] = useState<TUploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const owner = owners.find((option) => option.id === ownerId);
  const schedules = owner?.schedules.filter((schedule) => schedule.kind === kind) ?? [];
  const siteName = new Map(owner?.sites.map((site) => [site.id, site.name]));

  function toggleSite(id: string) {
    setSiteIds((list) => (list.includes(id) ? list.filter((other) => other !== id) : [...list, id]));
  }
  function move(index: number, delta: number) {
    setSiteIds((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item!);
      return next;
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await createPromotionEventAction({
      ownerOrgId: ownerId,
      kind,
      scheduleId: scheduleId || null,
      title,
      heldAt,
      place,
      participants,
      summary,
      siteIds,
      materialFileIds: materials.map((file) => file.id),
      photoFileIds: photos.map((file) => file.id),
    }).catch(() => null);
    setBusy(false);
    if (result?.ok) return router.push(`/promotion/${result.data.id}`);
    setErrors(result && !result.ok ? (result.fieldErrors ?? {}) : {});
    setMessage(result?.message ?? '网络异常，活动未保存');
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      {owners.length > 1 && (
        <Field id="owner" label="主办单位" required>
          <select id="owner" className={inputClass} value={ownerId} onChange={(event) => (setOwnerId(event.target.value), setSiteIds([]), setScheduleId(''))}>
            {owners.map((option) => (
              <option key={option.id} value={option.id}>{option.name}</option>
            ))}
          </select>
        </Field>
      )}
      <Field id="kind" label="活动类型" required error={errors.kind}>
        <select id="kind" className={inputClass} value={kind} onChange={(event) => (setKind(event.target.value as TPromotionKind), setScheduleId(''))}>
          {PROMOTION_KINDS.map((value) => (
            <option key={value} value={value}>{PROMOTION_KIND_LABELS[value]}</option>
          ))}
        </select>
      </Field>
      {schedules.length > 0 && (
        <Field id="schedule" label="属于活动计划" hint="按计划举办的活动，计认当期已举办" error={errors.scheduleId}>
          <select id="schedule" className={inputClass} value={scheduleId} onChange={(event) => setScheduleId(event.target.value)}>
            <option value="">不属于计划</option>
            {schedules.map((schedule) => (
              <option key={schedule.id} value={schedule.id}>{schedule.title}</option>
            ))}
          </select>
        </Field>
      )}
      <Field id="title" label="活动名称" required error={errors.title}>
        <input id="title" className={inputClass} value={title} maxLength={100} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <Field id="heldAt" label="活动时间" required error={errors.heldAt} hint="北京时间">
        <input id="heldAt" type="datetime-local" className={inputClass} value={heldAt} onChange={(event) => setHeldAt(event.target.value)} />
      </Field>
      <Field id="place" label="活动地点" error={errors.place}>
        <input id="place" className={inputClass} value={place} maxLength={200} onChange={(event) => setPlace(event.target.value)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">观摩的示范点</legend>
        {errors.siteIds && <p role="alert" className="text-sm text-red-700">{errors.siteIds}</p>}
        {!owner?.sites.length ? (
          <p className="text-sm text-stone-500">本单位范围内暂无在用的示范点。</p>
        ) : (
          <div className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-stone-200 p-2">
            {owner.sites.map((site) => (
              <label key={site.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={siteIds.includes(site.id)} onChange={() => toggleSite(site.id)} />
                <span>
                  {site.name}
                  <span className="block text-xs text-stone-500">{site.address}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {siteIds.length > 0 && (
          <ol className="space-y-1 text-sm" aria-label="观摩顺序">
            {siteIds.map((id, index) => (
              <li key={id} className="flex items-center justify-between gap-2 rounded bg-stone-50 px-2 py-1">
                <span>{index + 1}. {siteName.get(id)}</span>
                <span className="flex gap-1">
                  <Button variant="secondary" className="px-2 py-0.5" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`上移 ${siteName.get(id)}`}>↑</Button>
                  <Button variant="secondary" className="px-2 py-0.5" disabled={index === siteIds.length - 1} onClick={() => move(index, 1)} aria-label={`下移 ${siteName.get(id)}`}>↓</Button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </fieldset>
      <Field id="participants" label="参加人员" error={errors.participants}>
        <textarea id="participants" rows={2} className={inputClass} value={participants} maxLength={1000} onChange={(event) => setParticipants(event.target.value)} />
      </Field>
      <Field id="summary" label="活动情况" error={errors.summary}>
        <textarea id="summary" rows={4} className={inputClass} value={summary} maxLength={5000} onChange={(event) => setSummary(event.target.value)} />
      </Field>
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-800">会议材料</p>
        <FileUpload slot="DOCUMENT" files={materials} maxFiles={20} label="上传材料" onUploaded={(file) => setMaterials((list) => [...list, file])} onRemove={(file) => setMaterials((list) => list.filter((other) => other.id !== file.id))} />
      </div>
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-800">活动照片</p>
        <FileUpload slot="PHOTO" files={photos} maxFiles={30} label="上传照片" onUploaded={(file) => setPhotos((list) => [...list, file])} onRemove={(file) => setPhotos((list) => list.filter((other) => other.id !== file.id))} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" isLoading={busy}>保存活动</Button>
      </div>
    </form>
  );
}
