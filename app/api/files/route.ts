import { clientIpFrom } from '@/lib/auth/request-ip';
import { UPLOAD_SLOTS, type TUploadSlot } from '@/lib/files/check';
import { UPLOAD_MAX_BYTES } from '@/lib/files/limits';
import { storeUpload } from '@/lib/files/service';
import { cleanInput } from '@/lib/http/clean';
import { readBodyWithLimit } from '@/lib/http/request';
import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Room for the multipart boundaries and the other form fields around the file itself.
const BODY_LIMIT = UPLOAD_MAX_BYTES + 64 * 1024;
const TOO_LARGE = '文件不能超过 20 MB';

// Secretaries upload for declarations, staff for 实地核验 photos, 示范点 photos and checklist evidence.
export const POST = route({ access: ['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN'], sameOrigin: true }, async ({ request, user }) => {
  if (Number(request.headers.get('content-length') ?? 0) > BODY_LIMIT) return jsonReply(413, { message: TOO_LARGE });
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return jsonReply(415, { message: '请以表单方式上传文件' });
  const body = await readBodyWithLimit(request, BODY_LIMIT);
  if (!body) return jsonReply(413, { message: TOO_LARGE });

  let form: FormData;
  try {
    form = cleanInput(await new Response(new Uint8Array(body), { headers: { 'Content-Type': contentType } }).formData());
  } catch {
    return jsonReply(400, { message: '上传内容格式不正确，请重新选择文件' });
  }
  const file = form.get('file');
  const slot = form.get('slot');
  if (!(file instanceof File)) return jsonReply(400, { message: '请选择要上传的文件' });
  if (typeof slot !== 'string' || !UPLOAD_SLOTS.includes(slot as TUploadSlot)) return jsonReply(400, { message: '上传位置不正确' });
  const uploaded = await storeUpload(
    { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name, slot: slot as TUploadSlot },
    { actorId: user.id, ip: clientIpFrom(request.headers) },
  );
  return jsonReply(201, uploaded);
});
