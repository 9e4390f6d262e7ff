import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/guard';
import { canReadFile, downloadName, fileForDownload } from '@/lib/files/access';
import { contentDisposition } from '@/lib/files/http';
import { VARIANT_NAMES } from '@/lib/files/process';
import { fileStorage } from '@/lib/files/storage';
import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const NOT_FOUND = '文件不存在或您无权查看';

/**
 * Logos and photos of listed brands are public only while the entry is (a returned entry's logo is not): caches keep
 * them but ask every time (a cheap 304), so a return or a 摘牌 takes effect at once.
 */
const PUBLIC_CACHE = 'public, no-cache';

const ZQuery = z.object({ variant: z.enum(VARIANT_NAMES, { error: '图片规格只能是 thumb 或 medium' }).optional() });

// Public route, checked on every request: a file stays readable only while the reader may see its application.
export const GET = route({ access: 'public', params: z.object({ id: z.string().max(64, NOT_FOUND) }), query: ZQuery }, async ({ request, params, query }) => {
  const user = await getCurrentUser();
  const access = await canReadFile(user, params.id);
  if (!access) return jsonReply(user ? 404 : 401, { message: user ? NOT_FOUND : '请先登录' });
  // A stored file never changes (a new upload is a new id), so a cache only has to ask whether it may still be read.
  const etag = `"${params.id}.${query.variant ?? 'original'}"`;
  if (access === 'public' && request.headers.get('if-none-match') === etag) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': PUBLIC_CACHE } });
  }
  const file = await fileForDownload(params.id, query.variant ?? null);
  // Streamed from storage as it is read: a large document is never held whole in the server's memory.
  const stored = file && (await fileStorage().open(file.key));
  if (!file || !stored) return jsonReply(404, { message: NOT_FOUND });
  return new Response(stored.body, {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(stored.size),
      'Content-Disposition': contentDisposition(file.kind, downloadName(access, file), file.mimeType),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': access === 'public' ? PUBLIC_CACHE : 'private, no-store',
      ...(access === 'public' ? { ETag: etag } : {}),
    },
  });
});
