import { downloadResponse, textRefusal } from '@/lib/files/http';
import { renderAnnouncementPdf } from '@/lib/honors/announcement-pdf';
import { loadAnnouncement } from '@/lib/honors/queries';

export const dynamic = 'force-dynamic';

/** The published 表彰决定 as an A4 PDF; public, and 404 until it is published. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const announcement = await loadAnnouncement(id);
  if (!announcement) return textRefusal(404, '表彰决定尚未发布');
  const pdf = await renderAnnouncementPdf(announcement);
  return downloadResponse(pdf, 'pdf', `${announcement.title}.pdf`, 'announcement.pdf');
}
