// A subject's checklists as the panel shows them: the program's lists, each item with its verdict, note, who checked
// it and its evidence, plus the counts per list. Items never touched read as 未评定.
import { db } from '@/lib/db';
import type { TRoleGrant } from '@/lib/auth/session';
import { checklistCompleteness, type TListCompleteness, type TVerdict } from '@/lib/checklist/completeness';
import type { TChecklistSubject } from '@/lib/checklist/schema';
import { canAddEvidence, canJudge, loadSubject } from '@/lib/checklist/subject';

export type TEvidenceFile = { id: string; kind: 'IMAGE' | 'DOCUMENT'; originalName: string; uploadedById: string | null };

export type TChecklistItemView = {
  listKey: string;
  itemIndex: number;
  itemName: string;
  verdict: TVerdict;
  note: string;
  checkedBy: string | null;
  checkedAt: string | null;
  evidence: TEvidenceFile[];
};

export type TChecklistView = {
  subject: TChecklistSubject;
  isRevoked: boolean;
  canJudge: boolean;
  canAddEvidence: boolean;
  lists: { key: string; name: string; items: TChecklistItemView[] }[];
  completeness: TListCompleteness[];
};

/** null when the subject does not exist or the reader may not see it. */
export async function loadChecklist(grants: readonly TRoleGrant[], subject: TChecklistSubject): Promise<TChecklistView | null> {
  const loaded = await loadSubject(db, subject);
  if (!loaded || !canAddEvidence(grants, loaded)) return null;
  const rows = await db.checklistItem.findMany({
    where: 'siteId' in subject ? { siteId: subject.siteId } : { beltId: subject.beltId },
    select: {
      listKey: true,
      itemIndex: true,
      verdict: true,
      note: true,
      checkedAt: true,
      checkedBy: { select: { displayName: true } },
      evidence: { orderBy: { sortOrder: 'asc' }, select: { file: { select: { id: true, kind: true, originalName: true, uploadedById: true } } } },
    },
  });
  const byRef = new Map(rows.map((row) => [`${row.listKey}#${row.itemIndex}`, row]));
  const lists = loaded.lists.map((list) => ({
    key: list.key,
    name: list.name,
    items: list.items.map((itemName, itemIndex) => {
      const row = byRef.get(`${list.key}#${itemIndex}`);
      return {
        listKey: list.key,
        itemIndex,
        itemName,
        verdict: row?.verdict ?? 'PENDING',
        note: row?.note ?? '',
        checkedBy: row?.checkedBy?.displayName ?? null,
        checkedAt: row?.checkedAt?.toISOString() ?? null,
        evidence: row?.evidence.map((entry) => entry.file) ?? [],
      };
    }),
  }));
  return {
    subject,
    isRevoked: loaded.isRevoked,
    canJudge: canJudge(grants, loaded),
    canAddEvidence: canAddEvidence(grants, loaded),
    lists,
    completeness: checklistCompleteness(loaded.lists, rows),
  };
}

/** Counts per list of many sites at once (the program page): siteId → completeness. */
export async function siteCompleteness(siteIds: readonly string[], lists: Parameters<typeof checklistCompleteness>[0]): Promise<Map<string, TListCompleteness[]>> {
  const rows = await db.checklistItem.findMany({ where: { siteId: { in: [...siteIds] } }, select: { siteId: true, listKey: true, itemIndex: true, verdict: true } });
  return new Map(siteIds.map((siteId) => [siteId, checklistCompleteness(lists, rows.filter((row) => row.siteId === siteId))]));
}
