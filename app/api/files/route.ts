import { requireAnyRole } from '@/lib/auth/guard';
import { clientIpFrom } from '@/lib/auth/request-ip';
import { AppError } from '@/lib/errors';
import { UPLOAD_SLOTS, type TUploadSlot } from '@/lib/files/check';
import { UPLOAD_MAX_BYTES } from '@/lib/files/limits';
import { isSameOrigin, readBodyWithLimit } from '@/lib/files/http';
import { storeUpload } from '@/lib/files/service';

export const dynamic = 'force-dynamic';

// Room for the multipart boundaries and the other form fields around the file itself.
const BODY_LIMIT = UPLOAD_MAX_BYTES + 64 * 1024;
const TOO_LARGE = '文件不能超过 20 MB';

function reply(status: number, body: object) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return reply(403, { message: '请求来源不被允许' });
  let actorId: string;
  try {
    actorId = (await requireAnyRole(['BRANCH_SECRETARY', 'ORG_ADMIN'])).id; // secretaries for declarations, staff for 实地核验 photos
  } catch (error) {
    if (error instanceof AppError) return reply(error.code === 'UNAUTHENTICATED' ? 401 : 403, { message: error.message });
    throw error;
  }
  if (Number(request.headers.get('content-length') ?? 0) > BODY_LIMIT) return reply(413, { message: TOO_LARGE });
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return reply(415, { message: '请以表单方式上传文件' });
  const body = await readBodyWithLimit(request, BODY_LIMIT);
  if (!body) return reply(413, { message: TOO_LARGE });

  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return reply(400, { message: '上传内容格式不正确，请重新选择文件' });
  }
  const file = form.get('file');
  const slot = form.get('slot');
  if (!(file instanceof File)) return reply(400, { message: '请选择要上传的文件' });
  if (typeof slot !== 'string' || !UPLOAD_SLOTS.includes(slot as TUploadSlot)) return reply(400, { message: '上传位置不正确' });

  try {
    const uploaded = await storeUpload(
      { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name, slot: slot as TUploadSlot },
      { actorId, ip: clientIpFrom(request.headers) },
    );
    return reply(201, uploaded);
  } catch (error) {
    if (error instanceof AppError) return reply(422, { message: error.message });
    throw error;
  }
}
