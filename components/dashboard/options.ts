// ECharts options of the staff dashboard, built on the server from its data (plain JSON: no functions cross to the
// client). A data item with `href` is a link (components/charts/chart.tsx).
import type { TChartOption } from '@/components/charts/chart';

type TItem = { value: number; href?: string | null };
const item = (value: number, href?: string | null) => (href ? { value, href } : { value });

/** Horizontal bars, one category per row (top to bottom in the given order), one or more series. */
export function horizontalBars(categories: readonly string[], series: readonly { name: string; data: readonly TItem[]; stack?: string }[]): TChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: [...categories], axisLabel: { width: 120, overflow: 'truncate' } },
    dataZoom: categories.length > 20 ? [{ type: 'inside', yAxisIndex: 0, startValue: 0, endValue: 19 }] : undefined,
    series: series.map((entry) => ({ type: 'bar', name: entry.name, stack: entry.stack, data: entry.data.map((point) => item(point.value, point.href)), cursor: 'pointer' })),
  };
}

/** Vertical bars over short categories (statuses, buckets). */
export function columns(categories: readonly string[], series: readonly { name: string; data: readonly TItem[]; stack?: string }[]): TChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 8, top: series.length > 1 ? 28 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((entry) => ({ type: 'bar', name: entry.name, stack: entry.stack, data: entry.data.map((point) => item(point.value, point.href)), cursor: 'pointer' })),
  };
}

/** The vote curve: valid and invalidated votes per hour, hours with a rigging flag marked with a pin. */
export function voteCurve(hours: readonly { hour: string; valid: number; invalid: number; flags: number }[], href: string | null): TChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: hours.map((row) => row.hour.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: hours.length > 48 ? [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 4 }] : undefined,
    series: [
      {
        type: 'line',
        name: '有效票',
        showSymbol: false,
        data: hours.map((row) => item(row.valid, href)),
        markPoint: {
          symbolSize: 36,
          data: hours.flatMap((row) => (row.flags ? [{ name: '异常', coord: [row.hour.slice(5), row.valid], value: `${row.flags}` }] : [])),
        },
      },
      { type: 'line', name: '已作废', showSymbol: false, data: hours.map((row) => item(row.invalid, href)) },
    ],
  };
}

/** Heat map rows × columns of a share in percent (null = nothing due yet). */
export function heatMap(rows: readonly string[], cols: readonly string[], cells: readonly { row: number; col: number; value: number | null; href?: string }[]): TChartOption {
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: [...cols], splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: [...rows], splitArea: { show: true }, axisLabel: { width: 110, overflow: 'truncate' } },
    visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, text: ['100% 按时', '0%'], inRange: { color: ['#dc2626', '#facc15', '#16a34a'] } },
    series: [
      {
        type: 'heatmap',
        name: '按时上报率',
        label: { show: true, fontSize: 10 },
        data: cells.filter((cell) => cell.value !== null).map((cell) => ({ value: [cell.col, cell.row, cell.value], href: cell.href })),
        cursor: 'pointer',
      },
    ],
  };
}
