// Shared by the benchmarks: a deterministic random generator and a timer that reports median and p95.
import { performance } from 'node:perf_hooks';

/** A small deterministic generator, so two runs measure the same names. */
export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

export async function time(label: string, runs: number, body: (index: number) => Promise<unknown>) {
  for (let index = 0; index < 10; index++) await body(index); // warm-up
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await body(index);
    samples.push(performance.now() - start);
  }
  const result = stats(samples);
  console.log(`${label.padEnd(44)} median ${result.median.toFixed(2).padStart(7)} ms   p95 ${result.p95.toFixed(2).padStart(7)} ms`);
  return result;
}

