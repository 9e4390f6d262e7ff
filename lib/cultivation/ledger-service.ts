// 台帐: entries per cultivation and month, 上报 of a month (once, by database time), corrections of a reported month.
// Every operation locks the cultivation row first, so an entry and the report of its month never cross; the triggers
// of migration 0025 keep a reported month locked even against code that forgets.
import { db, type TTx } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { claimActivityFiles } from '@/lib/files/claim';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { creationPeriod, type TLifecycle } from '@/lib/campaign/lifecycle';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { formatDate } from '@/lib/format';
import { assertCultivating, assertKeeper, loadCultivation, type TCultivationTarget } from '@/lib/cultivation/access';
import {
  entryDayRange,
  isLateReport,
  ledgerDueAt,
  monthDate,
  monthLabel,
  monthOf,
  monthOfDay,
  periodMonths,
  type TLedgerMonth,
} from '@/lib/cultivation/ledger-schedule';
import {
  ZLedgerCorrectionInput,
  ZLedgerEntryInput,
  ZLedgerEntryRef,
  ZReportMonthInput,
  type TLedgerCorrectionInput,
  type TLedgerEntryInput,
  type TReportMonthInput,
} from '@/lib/cultivation/ledger-schema';

type TContext = TAuditContext & { actorId: string };

/** The keeper's cultivation, locked, in its 创建期 (the state machine's 'keep-ledger'). */
async function openLedger(tx: TTx, cultivationId: string, actorId: string): Promise<{ target: TCultivationTarget; life: TLifecycle; period: { startsAt: Date; endsAt: Date } }> {
  const target = await loadCultivation(tx, cultivationId, true);
  assertKeeper(await loadGrants(tx, actorId), target);
  assertCultivating(target);
  const life = await requireOperation(tx, target.campaignId, 'keep-ledger');
  return { target, life, period: creationPeriod(life)! };
}

function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

function assertEntryDay(day: string, period: { startsAt: Date; endsAt: Date }, now: Date): void {
  if (!isRealDay(day)) throw new AppError('INVALID_INPUT', '活动日期不正确', { occurredOn: '活动日期不正确' });
  const range = entryDayRange(period, now);
  if (day < range.first || day > range.last) {
    const message = `活动日期须在创建期内（${formatDate(`${range.first}T00:00:00+08:00`)}至${formatDate(`${range.last}T00:00:00+08:00`)}），且不能晚于今天`;
    throw new AppError('INVALID_INPUT', message, { occurredOn: message });
  }
}

async function isReported(tx: TTx, cultivationId: string, month: TLedgerMonth): Promise<boolean> {
  return !!(await tx.ledgerReport.findUnique({ where: { cultivationId_month: { cultivationId, month: monthDate(month) } }, select: { id: true } }));
}

/** Files the actor uploaded and nothing owns yet; photos must be images. */
async function attachFiles(tx: TTx, entryId: string, actorId: string, photoIds: string[], documentIds: string[]): Promise<void> {
  const files = await claimActivityFiles(tx, actorId, photoIds, documentIds);
  if (files.length) await tx.ledgerEntryFile.createMany({ data: files.map((file) => ({ entryId, ...file })) });
}

export async function addLedgerEntry(input: TLedgerEntryInput, context: TContext) {
  const data = ZLedgerEntryInput.parse(input);
  return db.$transaction(async (tx) => {
    const { target, life, period } = await openLedger(tx, data.cultivationId, context.actorId);
    assertEntryDay(data.occurredOn, period, life.now);
    const month = monthOfDay(data.occurredOn);
    if (await isReported(tx, target.id, month)) {
      throw new AppError('CONFLICT', `${monthLabel(month)}的台帐已上报并锁定，不能再添加记录；如需更正，请在原记录上点“更正”`);
    }
    const entry = await tx.ledgerEntry.create({
      data: {
        cultivationId: target.id,
        month: monthDate(month),
        occurredOn: new Date(`${data.occurredOn}T00:00:00Z`),
        activity: data.activity,
        place: data.place,
        participants: data.participants,
        summary: data.summary,
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await attachFiles(tx, entry.id, context.actorId, data.photoIds, data.documentIds);
    await recordAudit(tx, context, {
      action: 'add-ledger-entry',
      entityType: 'LedgerEntry',
      entityId: entry.id,
      after: { cultivationId: target.id, brand: target.brandName, month, occurredOn: data.occurredOn, activity: data.activity, photos: data.photoIds.length, documents: data.documentIds.length },
    });
    return { id: entry.id, month };
  });
}

/** An entry of a month not yet reported may be deleted (with its file links); a reported one only corrected. */
export async function deleteLedgerEntry(input: { entryId: string }, context: TContext) {
  const { entryId } = ZLedgerEntryRef.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.ledgerEntry.findUnique({ where: { id: entryId }, select: { cultivationId: true } });
    if (!found) throw new AppError('NOT_FOUND', '台帐记录不存在');
    const { target } = await openLedger(tx, found.cultivationId, context.actorId);
    const entry = await tx.ledgerEntry.findUniqueOrThrow({ where: { id: entryId }, select: { month: true, activity: true, occurredOn: true } });
    const month = entry.month.toISOString().slice(0, 7);
    if (await isReported(tx, target.id, month)) throw new AppError('CONFLICT', `${monthLabel(month)}的台帐已上报并锁定，不能删除；如需更正，请点“更正”`);
    await tx.ledgerEntry.delete({ where: { id: entryId } });
    await recordAudit(tx, context, {
      action: 'delete-ledger-entry',
      entityType: 'LedgerEntry',
      entityId: entryId,
      before: { cultivationId: target.id, month, occurredOn: entry.occurredOn.toISOString().slice(0, 10), activity: entry.activity },
    });
    return { id: entryId };
  });
}

/**
 * A correction of an entry in a reported month: a new entry with the reason, linked to the one it corrects (which stays
 * in the history, shown as corrected). Its date stays in the same month; an entry is corrected once (the newest
 * correction may itself be corrected).
 */
export async function correctLedgerEntry(input: TLedgerCorrectionInput, context: TContext) {
  const data = ZLedgerCorrectionInput.parse(input);
  return db.$transaction(async (tx) => {
    const original = await tx.ledgerEntry.findUnique({ where: { id: data.correctsId }, select: { cultivationId: true } });
    if (!original) throw new AppError('NOT_FOUND', '要更正的台帐记录不存在');
    const { target, life, period } = await openLedger(tx, original.cultivationId, context.actorId);
    const current = await tx.ledgerEntry.findUniqueOrThrow({
      where: { id: data.correctsId },
      select: { month: true, activity: true, correctedBy: { select: { id: true } } },
    });
    const month = current.month.toISOString().slice(0, 7);
    if (!(await isReported(tx, target.id, month))) throw new AppError('CONFLICT', `${monthLabel(month)}的台帐尚未上报，可直接删除后重新填写，无需更正`);
    if (current.correctedBy) throw new AppError('CONFLICT', '该记录已经更正过，请在最新的更正记录上再次更正');
    assertEntryDay(data.occurredOn, period, life.now);
    if (monthOfDay(data.occurredOn) !== month) {
      throw new AppError('INVALID_INPUT', `更正后的活动日期仍须在${monthLabel(month)}内`, { occurredOn: `更正后的活动日期仍须在${monthLabel(month)}内` });
    }
    let entry: { id: string };
    try {
      entry = await tx.ledgerEntry.create({
        data: {
          cultivationId: target.id,
          month: current.month,
          occurredOn: new Date(`${data.occurredOn}T00:00:00Z`),
          activity: data.activity,
          place: data.place,
          participants: data.participants,
          summary: data.summary,
          correctsId: data.correctsId,
          correctionReason: data.reason,
          createdById: context.actorId,
        },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', '该记录已经更正过，请刷新页面');
      throw error;
    }
    await attachFiles(tx, entry.id, context.actorId, data.photoIds, data.documentIds);
    await recordAudit(tx, context, {
      action: 'correct-ledger-entry',
      entityType: 'LedgerEntry',
      entityId: entry.id,
      before: { id: data.correctsId, activity: current.activity },
      after: { cultivationId: target.id, month, occurredOn: data.occurredOn, activity: data.activity, reason: data.reason },
    });
    return { id: entry.id, month };
  });
}

/**
 * 上报 one month, once: by database time, late from the morning after the campaign's due day (Asia/Shanghai). Parallel
 * reports queue on the cultivation row; the second finds the first (and the unique key stands behind it).
 */
export async function reportLedgerMonth(input: TReportMonthInput, context: TContext) {
  const { cultivationId, month } = ZReportMonthInput.parse(input);
  return db.$transaction(async (tx) => {
    const { target, life, period } = await openLedger(tx, cultivationId, context.actorId);
    if (!periodMonths(period).includes(month)) throw new AppError('INVALID_INPUT', `${monthLabel(month)}不在创建期内，无需上报`);
    if (month > monthOf(life.now)) throw new AppError('INVALID_INPUT', `${monthLabel(month)}尚未到来，不能上报`);
    if (await isReported(tx, target.id, month)) throw new AppError('CONFLICT', `${monthLabel(month)}的台帐已经上报，不能重复上报`);
    const entryCount = await tx.ledgerEntry.count({ where: { cultivationId: target.id, month: monthDate(month) } });
    if (entryCount === 0) throw new AppError('CONFLICT', `${monthLabel(month)}还没有台帐记录，请先填写再上报`);
    const dueAt = ledgerDueAt(month, target.campaign.ledgerDueDay);
    const isLate = isLateReport(life.now, month, target.campaign.ledgerDueDay);
    let report: { id: string };
    try {
      report = await tx.ledgerReport.create({
        data: { cultivationId: target.id, month: monthDate(month), dueAt, reportedAt: life.now, isLate, reportedById: context.actorId, entryCount },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${monthLabel(month)}的台帐已经上报，不能重复上报`);
      throw error;
    }
    await recordAudit(tx, context, {
      action: 'report-ledger-month',
      entityType: 'LedgerReport',
      entityId: report.id,
      after: { cultivationId: target.id, brand: target.brandName, month, entryCount, isLate, dueAt },
    });
    return { id: report.id, month, isLate, reportedAt: life.now };
  });
}
