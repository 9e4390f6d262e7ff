'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import type { TChecklistTemplate, TScoreCriterion } from '@/lib/demo/templates';
import { createDemoProgramAction, updateDemoProgramAction } from '@/lib/demo-site/actions';

type TProgramValues = { title: string; startYear: number; years: number; minSitesPerBelt: number; siteChecklists: TChecklistTemplate[]; beltChecklists: TChecklistTemplate[]; scoreSheet: TScoreCriterion[] };

const listsText = (lists: TChecklistTemplate[]) => lists.map((list) => `${list.name}：${list.items.join('、')}`).join('\n');
const sheetText = (sheet: TScoreCriterion[]) => sheet.map((row) => `${row.name}：${row.maxPoints}`).join('\n');

/** "名称：项一、项二" per line; an existing list keeps its key by its place, so its items keep their verdicts. */
function parseLists(text: string, before: TChecklistTemplate[]) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [name, items = ''] = line.split(/[：:]/, 2);
      return { key: before[index]?.key, name: name.trim(), items: items.split(/[、,，]/).map((item) => item.trim()).filter(Boolean) };
    });
}

function parseSheet(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, points = ''] = line.split(/[：:]/, 2);
      return { name: name.trim(), maxPoints: Number(points.trim()) };
    });
}

/** Create (with the defaults of lib/demo/templates) or edit a 示范建设 program. */
export function ProgramForm({ ownerOrgId, programId, initial }: { ownerOrgId?: string; programId?: string; initial: TProgramValues }) {
  const router = useRouter();
  const [values, setValues] = useState({ ...initial, siteText: listsText(initial.siteChecklists), beltText: listsText(initial.beltChecklists), sheetText: sheetText(initial.scoreSheet) });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((current) => ({ ...current, ...patch }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const fields = {
      title: values.title,
      startYear: values.startYear,
      years: values.years,
      minSitesPerBelt: values.minSitesPerBelt,
      siteChecklists: parseLists(values.siteText, initial.siteChecklists),
      beltChecklists: parseLists(values.beltText, initial.beltChecklists),
      scoreSheet: parseSheet(values.sheetText),
    };
    const result = await (programId ? updateDemoProgramAction({ programId, ...fields }) : createDemoProgramAction({ ownerOrgId: ownerOrgId ?? '', ...fields })).catch(() => null);
    setBusy(false);
    if (!result) return setMessage('网络异常，请稍后重试');
    if (!result.ok) return setMessage(result.message);
    setMessage('已保存');
    router.push(`/admin/demo/${result.data.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={programId ? '修改示范建设' : '新建示范建设'}>
      <Field id="program-title" label="名称" required>
        <TextInput id="program-title" maxLength={100} value={values.title} onChange={(event) => set({ title: event.target.value })} />
      </Field>
      <div className="grid grid-cols-3 gap-3">
        <Field id="program-start" label="起始年度" required>
          <TextInput id="program-start" inputMode="numeric" value={values.startYear} onChange={(event) => set({ startYear: Number(event.target.value) })} />
        </Field>
        <Field id="program-years" label="建设年限" required>
          <TextInput id="program-years" inputMode="numeric" value={values.years} onChange={(event) => set({ years: Number(event.target.value) })} />
        </Field>
        <Field id="program-min" label="每带示范点" required>
          <TextInput id="program-min" inputMode="numeric" value={values.minSitesPerBelt} onChange={(event) => set({ minSitesPerBelt: Number(event.target.value) })} />
        </Field>
      </div>
      <Field id="program-site-lists" label="示范点检查清单" hint="每行一个清单：“清单名称：检查项、检查项……”。已有评定或佐证的检查项不能删除，可以改名。">
        <textarea id="program-site-lists" className={inputClass} rows={3} value={values.siteText} onChange={(event) => set({ siteText: event.target.value })} />
      </Field>
      <Field id="program-belt-lists" label="示范带检查清单">
        <textarea id="program-belt-lists" className={inputClass} rows={2} value={values.beltText} onChange={(event) => set({ beltText: event.target.value })} />
      </Field>
      <Field id="program-sheet" label="量化考评表" hint="每行一项：“考评项目：满分”。已保存的考评保留当时的考评表。">
        <textarea id="program-sheet" className={inputClass} rows={5} value={values.sheetText} onChange={(event) => set({ sheetText: event.target.value })} />
      </Field>
      <Button type="submit" isLoading={busy}>
        {programId ? '保存修改' : '新建示范建设'}
      </Button>
      {message && (
        <p role="status" className="text-sm text-stone-700">
          {message}
        </p>
      )}
    </form>
  );
}
