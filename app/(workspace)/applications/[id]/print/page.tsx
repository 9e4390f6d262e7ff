import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/application/print-button';
import { PrintForm } from '@/components/application/print-form';
import { buttonClass } from '@/components/ui/button';
import { requirePageUser } from '@/lib/http/page';
import { canReadApplicationForPrint } from '@/lib/application/print-access';
import { loadApplicationPrintData } from '@/lib/application/print-data';

export const metadata = { title: '打印申报表' };

// The browser prints this page as the paper form: A4, 2 cm margins, nothing but the sheet.
const PRINT_CSS = '@page { size: A4 portrait; margin: 2cm; } @media print { body { background: #fff; } main { max-width: none !important; padding: 0 !important; } }';

export default async function PrintApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  if (!(await canReadApplicationForPrint(user, id))) notFound();
  const data = await loadApplicationPrintData(id);
  if (!data) notFound();
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600">打印预览：请在打印设置中选择 A4 纸张。</p>
        <div className="flex gap-2">
          <PrintButton />
          <a href={`/api/applications/${data.id}/pdf`} className={buttonClass('secondary')} download>下载 PDF</a>
        </div>
      </div>
      <PrintForm data={data} />
    </>
  );
}
