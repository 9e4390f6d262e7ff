import { z } from 'zod';
import { streamAnnualWorkbook } from '@/lib/annual-review/export';
import { annualReviewScope } from '@/lib/annual-review/queries';
import { downloadStreamResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '组织不存在或不在您的范围内';

export const GET = route(
  {
    access: ['COMMITTEE_ADMIN', 'ORG_ADMIN'],
    query: z.object({ year: z.coerce.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确'), org: z.string().max(64, REFUSAL).optional() }),
    refusals: 'text',
  },
  async ({ user, query }) => {
    const scope = await annualReviewScope(user, query.org);
    if (!scope) return textRefusal(404, REFUSAL);
    const { body, rows, estimatedBytes } = await streamAnnualWorkbook(scope.selected.path, query.year);
    return downloadStreamResponse(body, 'xlsx', `${query.year}年度考核-${scope.selected.name}.xlsx`, 'annual-review.xlsx', { rows, estimatedBytes });
  },
);
