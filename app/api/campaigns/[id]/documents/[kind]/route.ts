import { z } from 'zod';
import { getRequestIp } from '@/lib/auth/guard';
import { produceDocument } from '@/lib/documents/issue';
import { DOCUMENT_KIND_KEYS, type TDocumentKindKey } from '@/lib/documents/registry';
import { DOCUMENT_FORMATS } from '@/lib/documents/types';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const ZParams = z.object({
  id: z.string().trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
  kind: z.enum(DOCUMENT_KIND_KEYS as [TDocumentKindKey, ...TDocumentKindKey[]], { error: '没有这种文书' }),
});

const ZQuery = z.object({
  format: z.enum(DOCUMENT_FORMATS, { error: '导出格式只能是 pdf 或 xlsx' }),
  org: z.string().trim().min(1, '缺少文书所属的单位').max(64, '单位编号有误').optional(),
});

/**
 * One official document of a campaign (lib/documents/registry.ts), numbered (文号) and rendered as PDF or Excel: for the
 * organization department of the campaign's owner; a committee only its own 推荐汇总表. Unknown and not-yours answer
 * alike (404), so ids cannot be probed.
 */
export const GET = route({ access: 'user', params: ZParams, query: ZQuery, refusals: 'text' }, async ({ user, params, query }) => {
  const produced = await produceDocument({ kind: params.kind, campaignId: params.id, scopeOrgId: query.org, format: query.format }, user, { ip: await getRequestIp() });
  if (typeof produced === 'string') return textRefusal(404, produced);
  return downloadResponse(produced.body, query.format, produced.fileName, `document.${query.format}`);
});
