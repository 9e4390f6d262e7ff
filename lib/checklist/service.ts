// Verdicts and evidence of checklist items, for any subject (示范点 or 示范带). An item's row is created on first use
// (INSERT … ON CONFLICT DO NOTHING) and then locked FOR UPDATE: parallel verdicts on one item queue on that row and end
// in one state, each audited. MET needs evidence: checked here with a clear message, and by the deferred trigger
// checklist_items_met_needs_evidence at commit.
import { randomUUID } from 'node:crypto';
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { claimableFiles } from '@/lib/files/claim';
import { ZAddEvidence, ZRemoveEvidence, ZSetVerdict, type TAddEvidenceInput, type TChecklistSubject, type TRemoveEvidenceInput, type TSetVerdictInput } from '@/lib/checklist/schema';
import { assertCanSee, assertNotRevoked, canAddEvidence, canJudge, findListItem, loadActorGrants, loadSubject, type TLoadedSubject } from '@/lib/checklist/subject';

type TContext = TAuditContext & { actorId: string };

type TLockedItem = { id: string; verdict: 'PENDING' | 'MET' | 'NOT_MET'; note: string; evidence: number };

/** The item's row, created if missing and locked until the transaction ends. */
async function lockItem(tx: TTx, subject: TLoadedSubject, listKey: string, itemIndex: number, itemName: string): Promise<TLockedItem> {
  const siteId = subject.kind === 'site' ? subject.id : null;
  const beltId = subject.kind === 'belt' ? subject.id : null;
  await tx.$executeRaw`
    INSERT INTO checklist_items (id, site_id, belt_id, list_key, item_index, item_name)
    VALUES (${randomUUID()}, ${siteId}, ${beltId}, ${listKey}, ${itemIndex}, ${itemName})
    ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string; verdict: TLockedItem['verdict']; note: string }[]>`
    SELECT id, verdict::text AS verdict, note FROM checklist_items
    WHERE (site_id = ${siteId} OR belt_id = ${beltId}) AND list_key = ${listKey} AND item_index = ${itemIndex}
    FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError('CONFLICT', '检查项暂时无法保存，请稍后重试');
  const evidence = await tx.checklistEvidence.count({ where: { itemId: row.id } });
  return { ...row, evidence };
}

const subjectRef = (subject: TLoadedSubject) => ({ [subject.kind === 'site' ? 'siteId' : 'beltId']: subject.id, name: subject.name });

async function openSubject(tx: TTx, subject: TChecklistSubject, actorId: string) {
  const grants = await loadActorGrants(tx, actorId);
  const loaded = await loadSubject(tx, subject);
  assertCanSee(grants, loaded);
  assertNotRevoked(loaded);
  return { grants, subject: loaded };
}

export async function setChecklistVerdict(input: TSetVerdictInput, context: TContext) {
  const data = ZSetVerdict.parse(input);
  return db.$transaction(async (tx) => {
    const { grants, subject } = await openSubject(tx, data.subject, context.actorId);
    if (!canJudge(grants, subject)) throw new AppError('FORBIDDEN', '只有党(工)委或组织部的工作人员可以评定检查项；支部书记可以上传佐证材料');
    const { list, itemName } = findListItem(subject, data.listKey, data.itemIndex);
    const item = await lockItem(tx, subject, data.listKey, data.itemIndex, itemName);
    if (data.verdict === 'MET' && item.evidence === 0) {
      throw new AppError('INVALID_INPUT', `“${itemName}”评为达标须至少有一份佐证材料（照片或文件）`, { verdict: '请先上传佐证材料' });
    }
    if (item.verdict === data.verdict && item.note === data.note) return { itemId: item.id, verdict: item.verdict };
    const checkedAt = await dbNow(tx);
    await tx.checklistItem.update({ where: { id: item.id }, data: { verdict: data.verdict, note: data.note, itemName, checkedById: context.actorId, checkedAt } });
    await recordAudit(tx, context, {
      action: 'set-checklist-verdict',
      entityType: 'ChecklistItem',
      entityId: item.id,
      before: { verdict: item.verdict, note: item.note },
      after: { ...subjectRef(subject), list: list.name, item: itemName, verdict: data.verdict, note: data.note },
    });
    return { itemId: item.id, verdict: data.verdict };
  });
}

export async function addChecklistEvidence(input: TAddEvidenceInput, context: TContext) {
  const data = ZAddEvidence.parse(input);
  return db.$transaction(async (tx) => {
    const { grants, subject } = await openSubject(tx, data.subject, context.actorId);
    if (!canAddEvidence(grants, subject)) throw new AppError('FORBIDDEN', '您不能为该检查项添加佐证材料');
    const { list, itemName } = findListItem(subject, data.listKey, data.itemIndex);
    const item = await lockItem(tx, subject, data.listKey, data.itemIndex, itemName);
    await claimableFiles(tx, context.actorId, data.fileIds);
    if (item.evidence + data.fileIds.length > 20) throw new AppError('INVALID_INPUT', '每个检查项至多 20 份佐证材料');
    await tx.checklistEvidence.createMany({ data: data.fileIds.map((fileId, index) => ({ itemId: item.id, fileId, sortOrder: item.evidence + index })) });
    await recordAudit(tx, context, {
      action: 'add-checklist-evidence',
      entityType: 'ChecklistItem',
      entityId: item.id,
      after: { ...subjectRef(subject), list: list.name, item: itemName, fileIds: data.fileIds },
    });
    return { itemId: item.id, evidence: item.evidence + data.fileIds.length };
  });
}

export async function removeChecklistEvidence(input: TRemoveEvidenceInput, context: TContext) {
  const data = ZRemoveEvidence.parse(input);
  return db.$transaction(async (tx) => {
    const { grants, subject } = await openSubject(tx, data.subject, context.actorId);
    if (!canAddEvidence(grants, subject)) throw new AppError('FORBIDDEN', '您不能移除该检查项的佐证材料');
    const { list, itemName } = findListItem(subject, data.listKey, data.itemIndex);
    const item = await lockItem(tx, subject, data.listKey, data.itemIndex, itemName);
    const link = await tx.checklistEvidence.findUnique({ where: { itemId_fileId: { itemId: item.id, fileId: data.fileId } }, select: { file: { select: { uploadedById: true } } } });
    if (!link) throw new AppError('INVALID_INPUT', '该佐证材料不存在或已移除，请刷新页面');
    if (!canJudge(grants, subject) && link.file.uploadedById !== context.actorId) throw new AppError('FORBIDDEN', '只能移除自己上传的佐证材料');
    if (item.verdict === 'MET' && item.evidence <= 1) throw new AppError('CONFLICT', '达标的检查项至少保留一份佐证材料；请先改为未评定或未达标');
    await tx.checklistEvidence.delete({ where: { itemId_fileId: { itemId: item.id, fileId: data.fileId } } });
    await recordAudit(tx, context, {
      action: 'remove-checklist-evidence',
      entityType: 'ChecklistItem',
      entityId: item.id,
      before: { ...subjectRef(subject), list: list.name, item: itemName, fileId: data.fileId },
    });
    return { itemId: item.id };
  });
}
