import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as downloadFile } from '@/app/api/files/[id]/route';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { storeUpload } from '@/lib/files/service';
import { createLocalStorage } from '@/lib/files/storage';
import { qualifyApplication } from '@/lib/qualification/service';
import { createOrg, createUser } from '../support/factories';
import { createListedScope } from '../support/reviews';
import { openSession } from '../support/users';
import { samplePdf, samplePng } from '../support/upload-samples';

// The route reads the session cookie through next/headers; here the jar holds a real signed session token.
const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
}));

const uploadDir = await mkdtemp(path.join(tmpdir(), 'file-access-test-'));
process.env.UPLOAD_DIR = uploadDir;
const storage = createLocalStorage(uploadDir);

afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

/** The status GET /api/files/<id> answers `userId` (null: anonymous). */
async function download(userId: string | null, fileId: string) {
  jar.token = userId ? await encode({ token: { sid: await openSession(userId) }, secret: authSecret() }) : null;
  const response = await downloadFile(new Request(`http://localhost/api/files/${fileId}`), { params: Promise.resolve({ id: fileId }) });
  return response.status;
}

/** What a shared cache holding the anonymous copy hears when it asks again (If-None-Match with the ETag it kept). */
async function revalidate(fileId: string) {
  jar.token = null;
  const first = await downloadFile(new Request(`http://localhost/api/files/${fileId}`), { params: Promise.resolve({ id: fileId }) });
  return async () => {
    const etag = first.headers.get('etag') ?? '';
    const again = await downloadFile(new Request(`http://localhost/api/files/${fileId}`, { headers: { 'If-None-Match': etag } }), { params: Promise.resolve({ id: fileId }) });
    return { status: again.status, cacheControl: again.headers.get('cache-control') };
  };
}

describe('/api/files/<id> follows the access rule of the record that owns the file', () => {
  it('keeps the files of a draft application with its branch, and opens them to the admins above once submitted', async () => {
    const root = await createOrg({ levelLabel: '市委' });
    const committee = await createOrg({ parent: root, levelLabel: '党委' });
    const branch = await createOrg({ parent: committee });
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
    const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
    const orgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: root.id }] });

    const context = { actorId: secretary.id, storage };
    const document = await storeUpload({ bytes: await samplePdf(), fileName: '证明材料.pdf', slot: 'DOCUMENT' }, context);
    const logo = await storeUpload({ bytes: await samplePng(), fileName: 'logo.png', slot: 'LOGO' }, context);
    const campaign = await db.campaign.create({ data: { title: `草稿附件-${Date.now()}`, year: 2026, ownerOrgId: root.id } });
    const application = await db.application.create({
      data: { campaignId: campaign.id, organizationId: branch.id, logoFileId: logo.id, attachments: { create: { fileId: document.id, slot: 'DOCUMENT' } } },
    });

    for (const fileId of [document.id, logo.id]) {
      expect(await download(secretary.id, fileId)).toBe(200);
      expect(await download(committeeAdmin.id, fileId)).toBe(404);
      expect(await download(orgAdmin.id, fileId)).toBe(404);
    }

    await db.application.update({ where: { id: application.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    for (const fileId of [document.id, logo.id]) {
      expect(await download(committeeAdmin.id, fileId)).toBe(200);
      expect(await download(orgAdmin.id, fileId)).toBe(200);
    }

    // Once the file belongs to the application, having uploaded it no longer opens it: a secretary who left the
    // branch loses its files with the role.
    await db.roleAssignment.deleteMany({ where: { userId: secretary.id } });
    await db.roleAssignment.create({ data: { userId: secretary.id, role: 'MEMBER', organizationId: branch.id } });
    expect(await download(secretary.id, document.id)).toBe(404);
  });

  it('shows the logo and photos of an entry to everyone only while it stands on the 品牌清单: a returned one goes back to its branch and the staff', async () => {
    const scope = await createListedScope(2);
    const [returned, staying] = scope.entries;
    const files = new Map<string, { logo: string; photo: string }>();
    for (const entry of [returned, staying]) {
      const context = { actorId: entry.secretaryId, storage };
      const logo = await storeUpload({ bytes: await samplePng(), fileName: 'logo.png', slot: 'LOGO' }, context);
      const photo = await storeUpload({ bytes: await samplePng(), fileName: '活动照片.png', slot: 'PHOTO' }, context);
      await db.application.update({ where: { id: entry.id }, data: { logoFileId: logo.id, attachments: { create: { fileId: photo.id, slot: 'PHOTO', sortOrder: 9 } } } });
      files.set(entry.id, { logo: logo.id, photo: photo.id });
    }
    const returnedFiles = Object.values(files.get(returned.id)!);
    const stayingFiles = Object.values(files.get(staying.id)!);
    for (const fileId of [...returnedFiles, ...stayingFiles]) expect(await download(null, fileId)).toBe(200);
    // Caches may keep a public copy but must ask each time; while the entry is listed the answer is a 304.
    const cachedLogo = await revalidate(files.get(returned.id)!.logo);
    expect(await cachedLogo()).toEqual({ status: 304, cacheControl: 'public, no-cache' });

    // 资格审查 finds the entry wanting after the list was published: it is returned and leaves the 品牌清单.
    await qualifyApplication({ applicationId: returned.id, result: 'FAILED', checks: {}, reason: '主要做法与成效缺少数据支撑' }, { actorId: scope.cityAdmin.id });
    expect(await db.application.findUniqueOrThrow({ where: { id: returned.id }, select: { status: true } })).toEqual({ status: 'RETURNED' });
    // Anonymous readers are told to sign in (401), signed-in outsiders get 404: neither receives the file.
    for (const fileId of returnedFiles) {
      expect(await download(null, fileId)).toBe(401);
      expect(await download(scope.westAdmin.id, fileId)).toBe(404);
      expect(await download(returned.secretaryId, fileId)).toBe(200);
      expect(await download(scope.committeeAdmin.id, fileId)).toBe(200);
      expect(await download(scope.cityAdmin.id, fileId)).toBe(200);
    }
    for (const fileId of stayingFiles) expect(await download(null, fileId)).toBe(200);
    // The cache's next question is refused: the returned logo stops showing at once, not after a max-age.
    expect((await cachedLogo()).status).toBe(401);

    // A campaign called off shows nothing publicly any more.
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { status: 'CANCELLED' } });
    for (const fileId of stayingFiles) {
      expect(await download(null, fileId)).toBe(401);
      expect(await download(staying.secretaryId, fileId)).toBe(200);
    }
  });
});
