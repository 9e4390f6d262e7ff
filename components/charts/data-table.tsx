// The table behind a chart: the same numbers, accessible and copyable into Excel; a cell with `href` links to the
// list behind the number.
import Link from 'next/link';

export type TCell = string | number | { text: string | number; href?: string | null };
export type TTable = { columns: readonly string[]; rows: readonly (readonly TCell[])[] };

function cellText(cell: TCell) {
  return typeof cell === 'object' ? cell.text : cell;
}

export function DataTable({ table, caption, className }: { table: TTable; caption: string; className?: string }) {
  return (
    <div className={`overflow-x-auto ${className ?? ''}`}>
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-300 bg-gray-50 text-left text-gray-700">
            {table.columns.map((column, index) => (
              <th key={column} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${index > 0 ? 'text-right' : ''}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="border-b border-gray-100">
              {row.map((cell, index) => {
                const Cell = index === 0 ? 'th' : 'td';
                const href = typeof cell === 'object' ? cell.href : null;
                return (
                  <Cell key={index} scope={index === 0 ? 'row' : undefined} className={`px-3 py-1.5 ${index === 0 ? 'text-left font-normal' : 'text-right tabular-nums'}`}>
                    {href ? (
                      <Link href={href} className="text-red-800 underline-offset-2 hover:underline">
                        {cellText(cell)}
                      </Link>
                    ) : (
                      cellText(cell)
                    )}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
