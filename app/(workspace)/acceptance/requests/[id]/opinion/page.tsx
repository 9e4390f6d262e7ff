import Link from 'next/link';
import { PrintButton } from '@/components/application/print-button';
import { buttonClass } from '@/components/ui/button';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { opinionRows } from '@/lib/acceptance/opinion';
import { loadAcceptanceRequest } from '@/lib/acceptance/queries';

export const metadata = { title: '验收意见书' };

// The browser prints this page as the paper document: A4, 2 cm margins, nothing but the sheet.
const PRINT_CSS = '@page { size: A4 portrait; margin: 2cm; } @media print { body { background: #fff; } main { max-width: none !important; padding: 0 !important; } }';

export default async function AcceptanceOpinionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN', 'BRANCH_SECRETARY', 'EXPERT']);
  const request = await loadAcceptanceRequest(user, (await params).id);
  if (!request || (request.status !== 'PASSED' && request.status !== 'FAILED')) pageNotFound();
  const rows = opinionRows(request);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={`/acceptance/requests/${request.id}`} className="text-sm text-brand-700 hover:underline">← 返回验收申请</Link>
        <div className="flex gap-2">
          <PrintButton />
          <a href={`/api/acceptance/${request.id}/opinion`} className={buttonClass('secondary')} download>下载 PDF</a>
        </div>
      </div>
      <article className="mx-auto max-w-[210mm] bg-white p-4 text-stone-900 sm:p-8 print:p-0">
        <h1 className="mb-1 text-center text-2xl font-bold tracking-widest">党建品牌验收意见书</h1>
        <p className="mb-4 text-center text-sm text-stone-600">主办单位：{request.cultivation.campaign.ownerOrg.name}</p>
        <table className="w-full table-fixed border-collapse text-sm">
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="w-24 border border-stone-700 bg-stone-50 p-2 text-center align-top font-medium">{row.label}</th>
                <td className="whitespace-pre-line break-words border border-stone-700 p-2 align-top">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-6 grid grid-cols-1 gap-2 text-sm sm:grid-cols-3 print:grid-cols-3">
          {['验收组组长签字：', '主办单位（盖章）：', '日期：　　年　　月　　日'].map((label) => (
            <p key={label} className="h-20 border border-stone-700 p-2">{label}</p>
          ))}
        </div>
      </article>
    </>
  );
}
