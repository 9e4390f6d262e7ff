import { requireUser } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { renderApplicationPdf } from '@/lib/application/pdf';
import { canReadApplicationForPrint } from '@/lib/application/print-access';
import { loadApplicationPrintData } from '@/lib/application/print-data';
import { fileStorage } from '@/lib/files/storage';

import { downloadResponse, textRefusal } from '@/lib/files/http';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const user = await requireUser();
    // Unknown and not-yours answer alike, so ids cannot be probed.
    if (!(await canReadApplicationForPrint(user, id))) return textRefusal(404, '申报表不存在或您无权查看');
  } catch (error) {
    if (error instanceof AppError) return textRefusal(401, error.message);
    throw error;
  }
  const data = await loadApplicationPrintData(id, (key) => fileStorage().get(key));
  if (!data) return textRefusal(404, '申报表不存在或您无权查看');
  const pdf = await renderApplicationPdf(data);
  return downloadResponse(pdf, 'pdf', `${data.brandName || '未命名品牌'}-申报表.pdf`, 'application.pdf');
}
