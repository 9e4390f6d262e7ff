// From expert sheets to one expert score per entry. Pure; the worked examples in tests/unit/review-aggregate.test.ts
// are the specification.

export type TAggregation = 'MEAN' | 'TRIMMED_MEAN' | 'Z_SCORE';

export const AGGREGATION_LABELS: Record<TAggregation, string> = {
  MEAN: '算术平均',
  TRIMMED_MEAN: '去掉一个最高分和一个最低分后平均（5 位及以上专家时）',
  Z_SCORE: '按专家标准化（z 分数）后平均',
};

/** One submitted sheet: an expert's total for an entry. */
export type TSheetTotal = { expertId: string; entryId: string; total: number };

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

/** With 5 or more scores the highest and the lowest are dropped (one each); with fewer, the plain mean. */
export function trimmedMean(values: readonly number[]): number | null {
  if (values.length < 5) return mean(values);
  return mean([...values].sort((a, b) => a - b).slice(1, -1));
}

/** Population standard deviation. */
function deviation(values: readonly number[]): number {
  const average = mean(values) ?? 0;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length || 1));
}

/**
 * Per-expert z-scores mapped back onto the points scale: an expert's totals become (total − their mean) ÷ their
 * standard deviation, then grand mean + z × grand standard deviation of all totals, clamped to [0, max]. A lenient
 * and a strict expert thus count alike. An expert with a single sheet or identical totals has no spread to learn
 * from: their sheets count as z = 0 (the grand mean). Returns the normalised total of every sheet.
 */
export function normaliseByExpert(sheets: readonly TSheetTotal[], max: number): Map<TSheetTotal, number> {
  const all = sheets.map((sheet) => sheet.total);
  const grandMean = mean(all) ?? 0;
  const grandDeviation = deviation(all);
  const byExpert = new Map<string, number[]>();
  for (const sheet of sheets) byExpert.set(sheet.expertId, [...(byExpert.get(sheet.expertId) ?? []), sheet.total]);
  const stats = new Map([...byExpert].map(([expertId, totals]) => [expertId, { mean: mean(totals) ?? 0, deviation: deviation(totals) }]));
  return new Map(
    sheets.map((sheet) => {
      const own = stats.get(sheet.expertId)!;
      const z = own.deviation > 0 ? (sheet.total - own.mean) / own.deviation : 0;
      return [sheet, Math.min(max, Math.max(0, grandMean + z * grandDeviation))];
    }),
  );
}

export type TEntryScore = {
  entryId: string;
  count: number;
  mean: number | null;
  trimmedMean: number | null;
  normalised: number | null;
  /** Highest minus lowest total. */
  spread: number;
  /** The spread exceeds the campaign's limit: a 复议 round is due. */
  isDisputed: boolean;
  /** The figure the campaign counts. */
  score: number | null;
};

/** Every entry's expert score under the campaign's aggregation, with the spread that flags 复议. */
export function aggregateScores(
  sheets: readonly TSheetTotal[],
  options: { max: number; aggregation: TAggregation; spreadLimit: number | null },
): Map<string, TEntryScore> {
  const normalised = options.aggregation === 'Z_SCORE' ? normaliseByExpert(sheets, options.max) : null;
  const byEntry = new Map<string, TSheetTotal[]>();
  for (const sheet of sheets) byEntry.set(sheet.entryId, [...(byEntry.get(sheet.entryId) ?? []), sheet]);
  const result = new Map<string, TEntryScore>();
  for (const [entryId, entrySheets] of byEntry) {
    const totals = entrySheets.map((sheet) => sheet.total);
    const spread = Math.max(...totals) - Math.min(...totals);
    const scores = {
      mean: mean(totals),
      trimmedMean: trimmedMean(totals),
      normalised: normalised ? mean(entrySheets.map((sheet) => normalised.get(sheet)!)) : null,
    };
    const score = options.aggregation === 'MEAN' ? scores.mean : options.aggregation === 'TRIMMED_MEAN' ? scores.trimmedMean : scores.normalised;
    result.set(entryId, {
      entryId,
      count: totals.length,
      ...scores,
      spread,
      isDisputed: options.spreadLimit !== null && totals.length >= 2 && spread > options.spreadLimit,
      score,
    });
  }
  return result;
}

/** How far one round of one entry has come: sheets assigned and submitted. */
export type TRoundProgress = { entryId: string; round: number; assigned: number; submitted: number };

/** The round an entry's score is taken from, and a later round (复议) still under way. */
export type TCountedRound = { round: number; pending: { round: number; assigned: number; submitted: number } | null };

/**
 * A 复议 round replaces the round before it only once every one of its sheets is submitted: until then the entry keeps
 * the score of its latest complete round, so one early 复议 sheet never stands in for a whole panel. With no complete
 * round yet (the first review under way) the first round counts as far as it has come.
 */
export function countedRounds(progress: readonly TRoundProgress[]): Map<string, TCountedRound> {
  const byEntry = new Map<string, TRoundProgress[]>();
  for (const row of progress) byEntry.set(row.entryId, [...(byEntry.get(row.entryId) ?? []), row]);
  const result = new Map<string, TCountedRound>();
  for (const [entryId, rounds] of byEntry) {
    const ordered = [...rounds].sort((a, b) => a.round - b.round);
    const complete = ordered.filter((row) => row.assigned > 0 && row.submitted >= row.assigned);
    const counted = complete.at(-1) ?? ordered[0];
    const latest = ordered.at(-1)!;
    result.set(entryId, {
      round: counted.round,
      pending: latest.round > counted.round ? { round: latest.round, assigned: latest.assigned, submitted: latest.submitted } : null,
    });
  }
  return result;
}
