import type { TImportError } from '@/lib/import/rows';

const SHOWN = 200;

/** 第 N 行 · 列名 · 问题, sorted by row. */
export function ImportErrorTable({ errors }: { errors: TImportError[] }) {
  return (
    <div className="overflow-hidden rounded-md border border-red-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">导入错误</caption>
        <thead className="bg-red-50 text-xs text-red-900">
          <tr>
            <th scope="col" className="w-16 px-3 py-2 font-medium sm:w-20">行</th>
            <th scope="col" className="w-20 px-3 py-2 font-medium sm:w-28">列</th>
            <th scope="col" className="px-3 py-2 font-medium">问题</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-red-100 bg-white">
          {errors.slice(0, SHOWN).map((error, index) => (
            <tr key={`${error.row}-${error.column}-${index}`} className="align-top">
              <td className="whitespace-nowrap px-3 py-2">第 {error.row} 行</td>
              <td className="px-3 py-2">{error.column}</td>
              <td className="px-3 py-2 text-stone-800">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > SHOWN && <p className="bg-red-50 px-3 py-2 text-xs text-red-900">另有 {errors.length - SHOWN} 处问题未列出，请先修改以上问题。</p>}
    </div>
  );
}
