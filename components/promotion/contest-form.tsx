'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { setContestAction } from '@/lib/promotion/actions';

type TCriterion = { name: string; maxPoints: number };
type TEntry = { organizationId: string; brandId: string; presenter: string; topic: string };
export type TContestOrg = { id: string; name: string; brands: { id: string; name: string }[] };
export type TJudgeCandidate = { id: string; name: string; expert: boolean };

/** 擂台比武 set-up: the score sheet, the judging panel and the presentations in order (locked once scoring starts). */
export function ContestSetupForm(props: {
  eventId: string;
  criteria: TCriterion[];
  judgeIds: string[];
  entries: TEntry[];
  organizations: TContestOrg[];
  candidates: TJudgeCandidate[];
}) {
  const router = useRouter();
  const [criteria, setCriteria] = useState(props.criteria.map((criterion) => ({ name: criterion.name, maxPoints: String(criterion.maxPoints) })));
  const [judgeIds, setJudgeIds] = useState(props.judgeIds);
  const [entries, setEntries] = useState<TEntry[]>(props.entries);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const orgById = new Map(props.organizations.map((org) => [org.id, org]));

  const updateEntry = (index: number, change: Partial<TEntry>) => setEntries((list) => list.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const moveEntry = (index: number, delta: number) =>
    setEntries((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item!);
      return next;
    });

  async function save() {
    setBusy(true);
    setMessage(null);
    const result = await setContestAction({
      eventId: props.eventId,
      criteria: criteria.map((criterion) => ({ name: criterion.name, maxPoints: Number(criterion.maxPoints) })),
      judgeIds,
      entries: entries.map((entry) => ({ ...entry, brandId: entry.brandId || null })),
    }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setMessage({ tone: 'success', text: '已保存擂台比武设置' });
      return router.refresh();
    }
    setMessage({ tone: 'error', text: result?.message ?? '网络异常，设置未保存' });
  }

  const unused = props.organizations.filter((org) => !entries.some((entry) => entry.organizationId === org.id));
  return (
    <div className="space-y-5">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">评分标准</legend>
        {criteria.map((criterion, index) => (
          <div key={index} className="flex items-center gap-2">
            <input aria-label={`评分项${index + 1}名称`} className={inputClass} value={criterion.name} onChange={(event) => setCriteria((list) => list.map((item, at) => (at === index ? { ...item, name: event.target.value } : item)))} />
            <input aria-label={`评分项${index + 1}分值`} type="number" inputMode="numeric" className={`${inputClass} w-20 text-right`} value={criterion.maxPoints} onChange={(event) => setCriteria((list) => list.map((item, at) => (at === index ? { ...item, maxPoints: event.target.value } : item)))} />
            <Button variant="secondary" className="px-2" disabled={criteria.length === 1} onClick={() => setCriteria((list) => list.filter((_, at) => at !== index))} aria-label={`删除评分项${index + 1}`}>删</Button>
          </div>
        ))}
        <p className="flex items-center justify-between text-sm text-stone-600">
          <span>满分合计 {criteria.reduce((sum, criterion) => sum + (Number(criterion.maxPoints) || 0), 0)} 分</span>
          <Button variant="secondary" disabled={criteria.length >= 10} onClick={() => setCriteria((list) => [...list, { name: '', maxPoints: '10' }])}>添加评分项</Button>
        </p>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">评委</legend>
        {props.candidates.length === 0 ? (
          <p className="text-sm text-stone-500">范围内暂无专家或组工干部账号。</p>
        ) : (
          <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 p-2 sm:grid-cols-2">
            {props.candidates.map((candidate) => (
              <label key={candidate.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={judgeIds.includes(candidate.id)} onChange={() => setJudgeIds((list) => (list.includes(candidate.id) ? list.filter((id) => id !== candidate.id) : [...list, candidate.id]))} />
                {candidate.name}
                <span className="text-xs text-stone-500">{candidate.expert ? '专家' : '组工干部'}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">参赛单位（按出场顺序）</legend>
        {entries.map((entry, index) => {
          const org = orgById.get(entry.organizationId);
          return (
            <div key={entry.organizationId} className="space-y-2 rounded-md border border-stone-200 p-2 text-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">{index + 1}. {org?.name}</span>
                <span className="flex gap-1">
                  <Button variant="secondary" className="px-2 py-0.5" disabled={index === 0} onClick={() => moveEntry(index, -1)} aria-label="上移">↑</Button>
                  <Button variant="secondary" className="px-2 py-0.5" disabled={index === entries.length - 1} onClick={() => moveEntry(index, 1)} aria-label="下移">↓</Button>
                  <Button variant="secondary" className="px-2 py-0.5" onClick={() => setEntries((list) => list.filter((_, at) => at !== index))} aria-label={`移除 ${org?.name}`}>移除</Button>
                </span>
              </div>
              <select aria-label={`${org?.name}汇报的品牌`} className={inputClass} value={entry.brandId} onChange={(event) => updateEntry(index, { brandId: event.target.value })}>
                <option value="">（不指定品牌）</option>
                {org?.brands.map((brand) => (
                  <option key={brand.id} value={brand.id}>{brand.name}</option>
                ))}
              </select>
              <div className="grid gap-2 sm:grid-cols-2">
                <input aria-label={`${org?.name}汇报人`} placeholder="汇报人" className={inputClass} value={entry.presenter} maxLength={50} onChange={(event) => updateEntry(index, { presenter: event.target.value })} />
                <input aria-label={`${org?.name}汇报题目`} placeholder="汇报题目" className={inputClass} value={entry.topic} maxLength={100} onChange={(event) => updateEntry(index, { topic: event.target.value })} />
              </div>
            </div>
          );
        })}
        {unused.length > 0 && (
          <select
            aria-label="添加参赛单位"
            className={inputClass}
            value=""
            onChange={(event) => {
              const org = orgById.get(event.target.value);
              if (org) setEntries((list) => [...list, { organizationId: org.id, brandId: org.brands[0]?.id ?? '', presenter: '', topic: '' }]);
            }}
          >
            <option value="">添加参赛单位…</option>
            {unused.map((org) => (
              <option key={org.id} value={org.id}>{org.name}</option>
            ))}
          </select>
        )}
      </fieldset>
      <div className="flex justify-end">
        <Button onClick={save} isLoading={busy}>保存设置</Button>
      </div>
    </div>
  );
}
