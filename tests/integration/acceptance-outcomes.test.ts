import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { canReadFile } from '@/lib/files/access';
import { canDownloadCertificate } from '@/lib/honors/access';
import { renderCertificatePdf } from '@/lib/honors/certificate-pdf';
import { findRecognitionByNo } from '@/lib/honors/queries';
import { verifyCertificate } from '@/lib/honors/verify';
import { listGalleryBrands, loadGalleryBrand } from '@/lib/gallery/queries';
import { opinionRows } from '@/lib/acceptance/opinion';
import { renderOpinionPdf } from '@/lib/acceptance/opinion-pdf';
import { loadAcceptanceRequest, listAcceptanceQueue, listBranchCultivations } from '@/lib/acceptance/queries';
import { decideAcceptance, formAcceptanceGroup, requestAcceptance, saveAcceptanceSheet } from '@/lib/acceptance/service';
import { createAcceptanceScope, REPORT } from '../support/acceptance';
import { decodeCertificateQr } from '../support/certificate-qr';
import { createUser } from '../support/factories';
import { extractPdfText } from '../support/pdf-text';

const context = (actorId: string) => ({ actorId, ip: '10.9.26.2' });
const reader = async (userId: string) => ({ id: userId, roles: await loadGrants(db, userId) });

describe('验收认定 outcomes', () => {
  it('a passed brand: number verified publicly, A4 certificate with QR, 品牌风采 shows 认定; evidence stays with the parties', async () => {
    const scope = await createAcceptanceScope();
    const evidence = await db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `acc-${Date.now()}`, mimeType: 'image/jpeg', size: 10, sha256: 'x', originalName: '活动.jpg', uploadedById: scope.a.secretary.id } });
    const request = await requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT, evidenceFileIds: [evidence.id] }, context(scope.a.secretary.id));
    await formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id] }, context(scope.eastAdmin.id));

    // Evidence: the branch, the organizer and the group's expert; not another branch, the sibling district, nor anonymous.
    for (const [userId, expected] of [
      [scope.a.secretary.id, 'private'],
      [scope.eastAdmin.id, 'private'],
      [scope.westExpert.id, 'private'],
      [scope.b.secretary.id, false],
      [scope.westAdmin.id, false],
      [scope.ownerExpert.id, false],
    ] as const) {
      expect(await canReadFile(await reader(userId), evidence.id)).toBe(expected);
    }
    expect(await canReadFile(null, evidence.id)).toBe(false);

    // The queue shows the request to its organizer only; the branch sees it in its list.
    expect((await listAcceptanceQueue(await reader(scope.eastAdmin.id))).map((row) => row.id)).toContain(request.id);
    expect((await listAcceptanceQueue(await reader(scope.westAdmin.id))).map((row) => row.id)).not.toContain(request.id);
    expect((await listBranchCultivations(await reader(scope.a.secretary.id))).map((row) => row.latest?.status)).toEqual(['REVIEWING']);
    expect(await loadAcceptanceRequest(await reader(scope.committeeAdmin.id), request.id)).toBeNull();

    await saveAcceptanceSheet({ requestId: request.id, scores: [19, 18, 18, 17, 19], comment: '同意认定', submit: true }, context(scope.westExpert.id));
    const { recognitionNo } = await decideAcceptance({ requestId: request.id, outcome: 'PASS', findings: '同意认定。' }, context(scope.eastAdmin.id));

    const verdict = await verifyCertificate(recognitionNo!.toLowerCase());
    expect(verdict).toMatchObject({ status: 'valid', certificateNo: recognitionNo, brandName: '红色引擎', awardName: '验收认定', issuerName: scope.east.name });

    const certificate = (await findRecognitionByNo(recognitionNo!))!;
    expect(canDownloadCertificate(await loadGrants(db, scope.a.secretary.id), certificate)).toBe(true);
    expect(canDownloadCertificate(await loadGrants(db, scope.b.secretary.id), certificate)).toBe(false);
    const url = `https://dangjian.example.cn/certificates/${recognitionNo}`;
    const pdf = await renderCertificatePdf({ ...certificate, verificationUrl: url });
    const text = extractPdfText(pdf);
    for (const part of [recognitionNo!, '红色引擎', '通过验收，予以', '认定', scope.east.name]) expect(text).toContain(part);
    expect(decodeCertificateQr(pdf)).toBe(url);

    const brand = (await listGalleryBrands()).find((row) => row.applicationId === scope.a.application.id);
    expect(brand?.awards).toEqual([expect.objectContaining({ name: '认定', certificateNo: recognitionNo })]);
    expect(await loadGalleryBrand(brand!)).not.toBeNull();
    expect((await listGalleryBrands()).some((row) => row.applicationId === scope.b.application.id)).toBe(false);
  });

  it('a failed brand: its secretary reads the findings, the 验收意见书 prints them as A4', async () => {
    const scope = await createAcceptanceScope();
    const request = await requestAcceptance({ cultivationId: scope.b.cultivation.id, ...REPORT }, context(scope.b.secretary.id));
    await formAcceptanceGroup({ requestId: request.id, expertIds: [scope.ownerExpert.id] }, context(scope.eastAdmin.id));
    await saveAcceptanceSheet({ requestId: request.id, scores: [12, 13, 10, 11, 9], submit: true }, context(scope.ownerExpert.id));
    await decideAcceptance({ requestId: request.id, outcome: 'FAIL', findings: '台帐三个月未上报。', onsiteNote: '阵地建设不完善' }, context(scope.eastAdmin.id));

    const [row] = await listBranchCultivations(await reader(scope.b.secretary.id));
    expect(row).toMatchObject({ status: 'CULTIVATING', requestBlock: null, latest: { status: 'FAILED', findings: '台帐三个月未上报。' } });
    const view = (await loadAcceptanceRequest(await reader(scope.b.secretary.id), request.id))!;
    expect(view.role).toBe('branch');
    const rows = opinionRows(view);
    expect(rows.find((item) => item.label === '验收结论')?.value).toBe('不通过，继续培育创建');
    expect(rows.find((item) => item.label === '平均得分')?.value).toBe('55.0');
    const text = extractPdfText(await renderOpinionPdf({ issuerName: scope.east.name, rows }));
    for (const part of ['党建品牌验收意见书', '先锋驿站', '台帐三个月未上报。', '阵地建设不完善', '不通过，继续培育创建']) expect(text).toContain(part);
    const stranger = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: scope.a.branch.id }] });
    expect(await loadAcceptanceRequest(await reader(stranger.id), request.id)).toBeNull();
  });
});
