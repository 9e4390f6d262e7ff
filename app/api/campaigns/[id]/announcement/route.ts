import { z } from 'zod';
import { renderAnnouncementPdf } from '@/lib/honors/announcement-pdf';
import { loadAnnouncement } from '@/lib/honors/queries';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '表彰决定尚未发布';

/** The published 表彰决定 as an A4 PDF; public, and 404 until it is published. */
export const GET = route({ access: 'public', params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' }, async ({ params }) => {
  const announcement = await loadAnnouncement(params.id);
  if (!announcement) return textRefusal(404, REFUSAL);
  const pdf = await renderAnnouncementPdf(announcement);
  return downloadResponse(pdf, 'pdf', `${announcement.title}.pdf`, 'announcement.pdf');
});
