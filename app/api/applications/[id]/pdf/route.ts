import { z } from 'zod';
import { renderApplicationPdf } from '@/lib/application/pdf';
import { canReadApplicationForPrint } from '@/lib/application/print-access';
import { loadApplicationPrintData } from '@/lib/application/print-data';
import { fileStorage } from '@/lib/files/storage';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '申报表不存在或您无权查看';

export const GET = route(
  { access: 'user', params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' },
  async ({ user, params: { id } }) => {
    // Unknown and not-yours answer alike, so ids cannot be probed.
    if (!(await canReadApplicationForPrint(user, id))) return textRefusal(404, REFUSAL);
    const data = await loadApplicationPrintData(id, (key) => fileStorage().get(key));
    if (!data) return textRefusal(404, REFUSAL);
    const pdf = await renderApplicationPdf(data);
    return downloadResponse(pdf, 'pdf', `${data.brandName || '未命名品牌'}-申报表.pdf`, 'application.pdf');
  },
);
