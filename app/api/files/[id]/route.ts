import { getCurrentUser } from '@/lib/auth/guard';
import { canReadFile, downloadName, fileForDownload } from '@/lib/files/access';
import { contentDisposition } from '@/lib/files/http';
import { VARIANT_NAMES, type TVariantName } from '@/lib/files/process';
import { fileStorage } from '@/lib/files/storage';

export const dynamic = 'force-dynamic';

const NOT_FOUND = '文件不存在或您无权查看';

function refusal(status: number, message: string) {
  return Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

// Checked on every request: a file stays readable only while the reader may see its application.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  const variantParam = new URL(request.url).searchParams.get('variant');
  if (variantParam !== null && !VARIANT_NAMES.includes(variantParam as TVariantName)) return refusal(400, '图片规格只能是 thumb 或 medium');
  const access = await canReadFile(user, id);
  if (!access) return refusal(user ? 404 : 401, user ? NOT_FOUND : '请先登录');
  const file = await fileForDownload(id, variantParam as TVariantName | null);
  const bytes = file && (await fileStorage().get(file.key));
  if (!file || !bytes) return refusal(404, NOT_FOUND);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(file.kind, downloadName(access, file), file.mimeType),
      'X-Content-Type-Options': 'nosniff',
      // Logos and photos of listed brands are public and change only with a new upload (a new id).
      'Cache-Control': access === 'public' ? 'public, max-age=3600' : 'private, no-store',
    },
  });
}
