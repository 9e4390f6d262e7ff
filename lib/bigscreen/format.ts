const number = new Intl.NumberFormat('zh-CN');

/** 12,345 up to a hundred thousand, then 12.3万: a 大屏 tile holds any count at the same type size. */
export function compactCount(value: number): string {
  return value >= 100_000 ? `${(value / 10_000).toFixed(1)}万` : number.format(value);
}
