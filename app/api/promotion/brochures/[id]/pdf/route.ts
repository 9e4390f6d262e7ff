import { z } from 'zod';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { renderBrochurePdf } from '@/lib/promotion/brochure-pdf';
import { loadBrochurePdfInput } from '@/lib/promotion/queries';

export const dynamic = 'force-dynamic';

const REFUSAL = '宣传画册不存在或您无权查看';

/** 宣传画册 (A4 PDF): the committee / organization-department staff covering its owner. */
export const GET = route(
  { access: ['COMMITTEE_ADMIN', 'ORG_ADMIN'], params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' },
  async ({ user, params: { id } }) => {
    const input = await loadBrochurePdfInput(user.roles, id);
    if (!input) return textRefusal(404, REFUSAL);
    const pdf = await renderBrochurePdf(input);
    return downloadResponse(pdf, 'pdf', `${input.title}.pdf`, 'brochure.pdf');
  },
);
