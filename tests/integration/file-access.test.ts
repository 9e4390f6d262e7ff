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
import { createOrg, createUser } from '../support/factories';
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

async function download(userId: string, fileId: string) {
  jar.token = await encode({ token: { sid: await openSession(userId) }, secret: authSecret() });
  const response = await downloadFile(new Request(`http://localhost/api/files/${fileId}`), { params: Promise.resolve({ id: fileId }) });
  return response.status;
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
});
