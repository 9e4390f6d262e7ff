// 示范建设 programs: created by an organization department with editable copies of the default checklists and score
// sheet. Editing a checklist keeps its items' rows: an item is known by (list key, index), so renaming updates the
// rows' names, and removing an item (or a list) is refused while any subject has a verdict or evidence on it.
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadActorGrants, parseChecklists } from '@/lib/checklist/subject';
import type { TChecklistTemplate } from '@/lib/demo/templates';
import { assertManageProgram } from '@/lib/demo-site/access';
import { ZCreateProgram, ZUpdateProgram, type TCreateProgramInput, type TUpdateProgramInput } from '@/lib/demo-site/schema';

type TContext = TAuditContext & { actorId: string };
type TListInput = { key?: string; name: string; items: string[] };

/** Gives new lists a key (L1, L2, …, not used by another list) and refuses two lists with one key. */
export function keyChecklists(lists: readonly TListInput[], field: string): TChecklistTemplate[] {
  const used = new Set(lists.flatMap((list) => (list.key ? [list.key] : [])));
  if (used.size !== lists.filter((list) => list.key).length) throw new AppError('INVALID_INPUT', '清单标识重复', { [field]: '清单标识重复' });
  let next = 1;
  return lists.map((list) => {
    if (list.key) return { key: list.key, name: list.name, items: list.items };
    while (used.has(`L${next}`)) next += 1;
    used.add(`L${next}`);
    return { key: `L${next}`, name: list.name, items: list.items };
  });
}

/** Brings existing item rows in line with the edited lists, or refuses a removal that would drop a verdict or evidence. */
async function applyChecklistEdit(tx: TTx, programId: string, kind: 'site' | 'belt', before: TChecklistTemplate[], after: TChecklistTemplate[]) {
  const owner = kind === 'site' ? { site: { programId } } : { belt: { programId } };
  for (const list of before) {
    const kept = after.find((candidate) => candidate.key === list.key);
    const keptLength = kept?.items.length ?? 0;
    const dropped = await tx.checklistItem.findMany({
      where: { ...owner, listKey: list.key, itemIndex: { gte: keptLength } },
      select: { id: true, itemName: true, verdict: true, _count: { select: { evidence: true } } },
    });
    const judged = dropped.find((row) => row.verdict !== 'PENDING' || row._count.evidence > 0);
    if (judged) throw new AppError('CONFLICT', `“${list.name}”的“${judged.itemName}”已有评定或佐证材料，不能删除；可以修改它的名称`);
    if (dropped.length) await tx.checklistItem.deleteMany({ where: { id: { in: dropped.map((row) => row.id) } } });
    for (const [index, name] of (kept?.items ?? []).entries()) {
      if (list.items[index] !== undefined && list.items[index] !== name) {
        await tx.checklistItem.updateMany({ where: { ...owner, listKey: list.key, itemIndex: index }, data: { itemName: name } });
      }
    }
  }
}

export async function createDemoProgram(input: TCreateProgramInput, context: TContext) {
  const data = ZCreateProgram.parse(input);
  return db.$transaction(async (tx) => {
    const owner = await tx.organization.findUnique({ where: { id: data.ownerOrgId }, select: { id: true, path: true, isActive: true } });
    if (!owner?.isActive) throw new AppError('NOT_FOUND', '主办单位不存在或已停用');
    assertManageProgram(await loadActorGrants(tx, context.actorId), owner.path);
    const program = await tx.demoProgram.create({
      data: {
        ownerOrgId: owner.id,
        title: data.title,
        startYear: data.startYear,
        years: data.years,
        minSitesPerBelt: data.minSitesPerBelt,
        siteChecklists: keyChecklists(data.siteChecklists, 'siteChecklists'),
        beltChecklists: keyChecklists(data.beltChecklists, 'beltChecklists'),
        scoreSheet: data.scoreSheet,
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, { action: 'create-demo-program', entityType: 'DemoProgram', entityId: program.id, after: data });
    return program;
  });
}

export async function updateDemoProgram(input: TUpdateProgramInput, context: TContext) {
  const data = ZUpdateProgram.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM demo_programs WHERE id = ${data.programId} FOR UPDATE`;
    const program = await tx.demoProgram.findUnique({
      where: { id: data.programId },
      select: { id: true, title: true, startYear: true, years: true, minSitesPerBelt: true, siteChecklists: true, beltChecklists: true, scoreSheet: true, ownerOrg: { select: { path: true } } },
    });
    if (!program) throw new AppError('NOT_FOUND', '示范建设不存在');
    assertManageProgram(await loadActorGrants(tx, context.actorId), program.ownerOrg.path);
    const siteChecklists = keyChecklists(data.siteChecklists, 'siteChecklists');
    const beltChecklists = keyChecklists(data.beltChecklists, 'beltChecklists');
    await applyChecklistEdit(tx, program.id, 'site', parseChecklists(program.siteChecklists), siteChecklists);
    await applyChecklistEdit(tx, program.id, 'belt', parseChecklists(program.beltChecklists), beltChecklists);
    await tx.demoProgram.update({
      where: { id: program.id },
      data: { title: data.title, startYear: data.startYear, years: data.years, minSitesPerBelt: data.minSitesPerBelt, siteChecklists, beltChecklists, scoreSheet: data.scoreSheet },
    });
    const { ownerOrg: _owner, id: _id, ...before } = program;
    await recordAudit(tx, context, { action: 'update-demo-program', entityType: 'DemoProgram', entityId: program.id, before, after: { ...data, siteChecklists, beltChecklists } });
    return { id: program.id };
  });
}
