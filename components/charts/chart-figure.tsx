// A dashboard figure: title, the chart, and its data table (open by default on phones is not needed: the table is one
// tap away under 查看数据表, and screen readers reach it like any other content).
import { Chart, type TChartOption } from '@/components/charts/chart';
import { DataTable, type TTable } from '@/components/charts/data-table';

type TProps = {
  title: string;
  /** One line under the title: what is counted, as of when. */
  note?: string;
  option: TChartOption;
  table: TTable;
  height?: number;
  /** Shown instead of chart and table when there is nothing to count yet. */
  empty?: string | null;
};

export function ChartFigure({ title, note, option, table, height = 300, empty }: TProps) {
  return (
    <figure className="min-w-0 rounded-lg border border-gray-200 bg-white p-4">
      <figcaption>
        <h3 className="text-base font-semibold text-gray-900">{title}</h3>
        {note && <p className="mt-0.5 text-xs text-gray-500">{note}</p>}
      </figcaption>
      {empty ? (
        <p className="py-10 text-center text-sm text-gray-500">{empty}</p>
      ) : (
        <>
          <Chart option={option} height={height} label={`${title}图表，数据见下方数据表`} className="mt-3" />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-gray-600 select-none">查看数据表</summary>
            <DataTable table={table} caption={title} className="mt-2" />
          </details>
        </>
      )}
    </figure>
  );
}
