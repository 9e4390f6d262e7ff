import { EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { ExportButton } from '@/components/ui/export-button';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { annualReviewScope, annualRowTexts, loadAnnualPage } from '@/lib/annual-review/queries';
import { shanghaiToday } from '@/lib/pairing/service';
import { queryString } from '@/lib/format';
import { documentHref } from '@/lib/documents/queries';
import { annualReviewDocumentCampaign } from '@/lib/documents/kinds/annual-review';

export const metadata = { title: '年度考核' };

type TProps = { searchParams: Promise<{ year?: string; org?: string; page?: string }> };

export default async function AnnualReviewPage({ searchParams }: TProps) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const query = await searchParams;
  const thisYear = Number((await shanghaiToday()).slice(0, 4));
  const asked = Number(query.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const scope = (await annualReviewScope(user, typeof query.org === 'string' ? query.org : undefined)) ?? pageNotFound();
  const page = Math.max(1, Number(query.page) || 1);
  const [table, filing] = await Promise.all([loadAnnualPage({ subtreePath: scope.selected.path, year, page }), annualReviewDocumentCampaign(scope.selected.path, year)]);
  const pageCount = Math.max(1, Math.ceil(table.total / table.pageSize));
  const hrefFor = (target: number) => `/annual-review${queryString({ year, org: scope.selected.id, page: target })}`;
  const years = Array.from({ length: 5 }, (_, index) => thisYear - index);

  return (
    <>
      <PageHeader
        title="年度考核"
        description={`${scope.selected.name}范围内 ${table.total} 个组织 · ${year}年：品牌、台帐、验收、示范点与示范带、结对共建、宣传推广`}
        actions={
          <>
            <ExportButton href={`/api/annual-review/export${queryString({ year, org: scope.selected.id })}`} fileName="annual-review.xlsx" />
            {filing && (
              <>
                <a className={buttonClass('secondary')} href={documentHref(filing.id, 'annual-review', 'pdf', scope.selected.id)} download title={`文号按“${filing.title}”编排`}>
                  考核结果文书（PDF）
                </a>
                <a className={buttonClass('secondary')} href={documentHref(filing.id, 'annual-review', 'xlsx', scope.selected.id)} download>
                  文书（Excel）
                </a>
              </>
            )}
          </>
        }
      />
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <label className="space-y-1 text-sm">
          <span className="font-medium text-stone-800">年度</span>
          <select name="year" defaultValue={year} className={inputClass}>
            {years.map((candidate) => (
              <option key={candidate} value={candidate}>{candidate}年</option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="font-medium text-stone-800">范围</span>
          <select name="org" defaultValue={scope.selected.id} className={inputClass}>
            {scope.options.map((option) => (
              <option key={option.id} value={option.id}>{option.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('primary')}>查看</button>
      </form>
      {table.rows.length === 0 ? (
        <EmptyState title="该年度本范围内没有可考核的记录" />
      ) : (
        <>
          <ul className="space-y-3 lg:hidden">
            {table.rows.map((row) => {
              const text = annualRowTexts(row);
              return (
                <li key={row.organizationId} className="rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-sm">
                  <h2 className="font-semibold text-stone-900">{row.organizationName} {row.lagging && <Badge tone="warning">后进</Badge>}</h2>
                  <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-1">
                    {[
                      ['品牌', text.brands],
                      ['台帐', text.ledger],
                      ['验收', text.acceptance],
                      ['示范点', text.sites],
                      ['示范带', text.belts],
                      ['结对共建', text.pairings],
                      ['宣传推广', row.events ? `举办 ${row.events} 次` : ''],
                    ]
                      .filter(([, value]) => value)
                      .map(([label, value]) => (
                        <div key={label} className="contents">
                          <dt className="text-stone-500">{label}</dt>
                          <dd>{value}</dd>
                        </div>
                      ))}
                  </dl>
                </li>
              );
            })}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white lg:block">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{year}年度考核</caption>
              <thead className="bg-stone-50 text-left text-stone-600">
                <tr>
                  {['组织', '品牌状态', '台帐（按时/逾期/未报）', '验收', '示范点', '示范带', '结对共建', '宣传推广'].map((header) => (
                    <th key={header} scope="col" className="px-3 py-2 font-medium">{header}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {table.rows.map((row) => {
                  const text = annualRowTexts(row);
                  return (
                    <tr key={row.organizationId} className="align-top">
                      <th scope="row" className="px-3 py-2 text-left font-medium text-stone-900">{row.organizationName} {row.lagging && <Badge tone="warning">后进</Badge>}</th>
                      <td className="px-3 py-2">{text.brands || '—'}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{row.ledger ? `${row.ledger.onTime} / ${row.ledger.late} / ${row.ledger.missing}` : '—'}</td>
                      <td className="px-3 py-2">{text.acceptance || '—'}</td>
                      <td className="px-3 py-2">{text.sites || '—'}</td>
                      <td className="px-3 py-2">{text.belts || '—'}</td>
                      <td className="px-3 py-2">{text.pairings || '—'}</td>
                      <td className="px-3 py-2">{row.events}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="mt-4">
            <Pagination page={table.page} pageCount={pageCount} total={table.total} hrefFor={hrefFor} />
          </div>
        </>
      )}
    </>
  );
}
