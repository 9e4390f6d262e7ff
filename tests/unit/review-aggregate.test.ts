import { describe, expect, it } from 'vitest';
import { aggregateScores, countedRounds, mean, normaliseByExpert, trimmedMean } from '@/lib/review/aggregate';
import { combinedScore, rankWithTies } from '@/lib/review/ranking';

describe('expert score aggregation (worked examples)', () => {
  it('averages, and drops one highest and one lowest from five or more scores', () => {
    expect(mean([80, 90, 85])).toBe(85);
    expect(trimmedMean([80, 90, 85])).toBe(85);
    // 70 and 98 dropped: (82 + 85 + 88) / 3 = 85.
    expect(trimmedMean([98, 82, 70, 88, 85])).toBe(85);
    // Two equal highest: only one of them goes.
    expect(trimmedMean([90, 90, 80, 70, 60, 60])).toBe(75);
    expect(mean([])).toBeNull();
  });

  it('normalises per expert: a strict and a lenient expert who order two entries alike give the same scores', () => {
    const sheets = [
      { expertId: 'strict', entryId: 'a', total: 60 },
      { expertId: 'strict', entryId: 'b', total: 70 },
      { expertId: 'lenient', entryId: 'a', total: 85 },
      { expertId: 'lenient', entryId: 'b', total: 95 },
    ];
    // Grand mean 77.5, grand sd = sqrt(((17.5² + 7.5²) × 2) / 4) = sqrt(181.25) ≈ 13.463; each expert: z = −1 for a, +1 for b.
    const normalised = normaliseByExpert(sheets, 100);
    expect(normalised.get(sheets[0])).toBeCloseTo(77.5 - Math.sqrt(181.25), 6);
    expect(normalised.get(sheets[2])).toBeCloseTo(77.5 - Math.sqrt(181.25), 6);
    expect(normalised.get(sheets[1])).toBeCloseTo(77.5 + Math.sqrt(181.25), 6);
    const scores = aggregateScores(sheets, { max: 100, aggregation: 'Z_SCORE', spreadLimit: null });
    expect(scores.get('a')!.score).toBeCloseTo(64.037, 3);
    expect(scores.get('b')!.score).toBeCloseTo(90.963, 3);
    // The plain mean of the same sheets: a = 72.5, b = 82.5.
    expect(aggregateScores(sheets, { max: 100, aggregation: 'MEAN', spreadLimit: null }).get('a')!.score).toBe(72.5);
  });

  it('counts an expert with one sheet or no spread at the grand mean, and never leaves the scale', () => {
    const sheets = [
      { expertId: 'one', entryId: 'a', total: 40 },
      { expertId: 'flat', entryId: 'a', total: 80 },
      { expertId: 'flat', entryId: 'b', total: 80 },
    ];
    const normalised = normaliseByExpert(sheets, 100);
    expect([...normalised.values()].every((value) => Math.abs(value - 200 / 3) < 1e-9)).toBe(true);
    const extreme = [
      { expertId: 'x', entryId: 'a', total: 0 },
      { expertId: 'x', entryId: 'b', total: 100 },
      { expertId: 'y', entryId: 'a', total: 99 },
      { expertId: 'y', entryId: 'b', total: 100 },
    ];
    for (const value of normaliseByExpert(extreme, 100).values()) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of normaliseByExpert(extreme, 100).values()) expect(value).toBeLessThanOrEqual(100);
  });

  it('flags 复议 when the experts’ totals spread beyond the limit', () => {
    const sheets = [60, 75, 92].map((total, index) => ({ expertId: `e${index}`, entryId: 'a', total }));
    const scored = aggregateScores(sheets, { max: 100, aggregation: 'TRIMMED_MEAN', spreadLimit: 30 });
    expect(scored.get('a')).toMatchObject({ count: 3, spread: 32, isDisputed: true, score: (60 + 75 + 92) / 3 });
    expect(aggregateScores(sheets, { max: 100, aggregation: 'MEAN', spreadLimit: 32 }).get('a')!.isDisputed).toBe(false);
    expect(aggregateScores(sheets, { max: 100, aggregation: 'MEAN', spreadLimit: null }).get('a')!.isDisputed).toBe(false);
  });
});

describe('combined ranking', () => {
  it('scales expert points by the rubric maximum and vote points by the top entry’s votes', () => {
    // 86 of 100 at 70 % = 60.2; 300 of the top 400 votes at 30 % = 22.5.
    expect(combinedScore({ expertScore: 86, rubricMax: 100, expertWeight: 70, votes: 300, topVotes: 400, voteWeight: 30 })).toEqual({ expertPoints: 60.2, votePoints: 22.5, total: 82.7 });
    // No votes yet: the vote part is 0, not a division by zero.
    expect(combinedScore({ expertScore: 86, rubricMax: 100, expertWeight: 70, votes: 0, topVotes: 0, voteWeight: 30 }).total).toBe(60.2);
    expect(combinedScore({ expertScore: null, rubricMax: 100, expertWeight: 70, votes: 10, topVotes: 10, voteWeight: 30 }).total).toBe(30);
  });

  it('ranks 1, 2, 2, 4 and marks the ties', () => {
    const ranked = rankWithTies([
      { id: 'c', score: 80 },
      { id: 'a', score: 95 },
      { id: 'd', score: 70 },
      { id: 'b', score: 80 },
    ]);
    expect(ranked.map(({ id, rank, isTied }) => [id, rank, isTied])).toEqual([
      ['a', 1, false],
      ['c', 2, true],
      ['b', 2, true],
      ['d', 4, false],
    ]);
  });
});

describe('which round counts (复议)', () => {
  it('keeps the complete first round until every 复议 sheet is in, then counts the 复议 alone', () => {
    const round = (entryId: string, number: number, assigned: number, submitted: number) => ({ entryId, round: number, assigned, submitted });
    const counted = countedRounds([
      // a: five experts in round 1; one of five 复议 sheets submitted — round 1 still counts.
      round('a', 1, 5, 5),
      round('a', 2, 5, 1),
      // b: the 复议 is complete and replaces round 1.
      round('b', 1, 5, 5),
      round('b', 2, 3, 3),
      // c: the first review is under way: round 1 counts as far as it has come.
      round('c', 1, 5, 2),
    ]);
    expect(counted.get('a')).toEqual({ round: 1, pending: { round: 2, assigned: 5, submitted: 1 } });
    expect(counted.get('b')).toEqual({ round: 2, pending: null });
    expect(counted.get('c')).toEqual({ round: 1, pending: null });
  });
});
