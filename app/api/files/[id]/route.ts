import { requireUser } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { canReadFile, fileForDownload } from '@/lib/files/access';
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
  let user;
  try {
    user = await requireUser();
  } catch (error) {
    if (error instanceof AppError) return refusal(401, error.message);
    throw error;
  }
  const { id } = await params;
  const variantParam = new URL(request.url).searchParams.get('variant');
  if (variantParam !== null && !VARIANT_NAMES.includes(variantParam as TVariantName)) return refusal(400, '图片规格只能是 thumb 或 medium');
  if (!(await canReadFile(user, id))) return refusal(404, NOT_FOUND);
  const file = await fileForDownload(id, variantParam as TVariantName | null);
  const bytes = file && (await fileStorage().get(file.key));
  if (!file || !bytes) return refusal(404, NOT_FOUND);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(file.kind, file.originalName, file.mimeType),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
