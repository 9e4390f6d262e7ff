import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { canReadFile } from '@/lib/files/access';
import { findRecognitionByNo } from '@/lib/honors/queries';
import { verifyCertificate } from '@/lib/honors/verify';
import { listGalleryBrands } from '@/lib/gallery/queries';
import { revokeRecognition } from '@/lib/acceptance/revoke';
import { decideAcceptance, formAcceptanceGroup, requestAcceptance, saveAcceptanceSheet } from '@/lib/acceptance/service';
import { createAcceptanceScope, REPORT } from '../support/acceptance';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.26.3' });

describe('摘牌 of a 认定', () => {
  it('the campaign owner revokes with a reason: verification says 已撤销 and 品牌风采 drops 认定 at once', async () => {
    const scope = await createAcceptanceScope();
    const request = await requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, context(scope.a.secretary.id));
    await formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id] }, context(scope.eastAdmin.id));
    await saveAcceptanceSheet({ requestId: request.id, scores: [19, 18, 18, 17, 19], submit: true }, context(scope.westExpert.id));
    const { recognitionNo } = await decideAcceptance({ requestId: request.id, outcome: 'PASS', findings: '同意认定。' }, context(scope.eastAdmin.id));
    const recognition = await db.recognition.findUniqueOrThrow({ where: { recognitionNo: recognitionNo! } });
    const logo = await db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `logo-${Date.now()}`, mimeType: 'image/png', size: 10, sha256: 'x', originalName: '标识.png', uploadedById: scope.a.secretary.id } });
    await db.application.update({ where: { id: scope.a.application.id }, data: { logoFileId: logo.id } });
    expect(await canReadFile(null, logo.id)).toBe('public');
    expect((await listGalleryBrands()).find((row) => row.applicationId === scope.a.application.id)?.awards).toEqual([expect.objectContaining({ name: '认定' })]);

    expect((await rejection(revokeRecognition({ recognitionId: recognition.id, reason: '台帐造假，撤销认定' }, context(scope.westAdmin.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(revokeRecognition({ recognitionId: recognition.id, reason: '' }, context(scope.eastAdmin.id)))).message).toContain('理由');
    await revokeRecognition({ recognitionId: recognition.id, reason: '台帐造假，撤销认定' }, context(scope.eastAdmin.id));

    const verdict = await verifyCertificate(recognitionNo!);
    expect(verdict).toMatchObject({ status: 'revoked', certificateNo: recognitionNo, revokeReason: '台帐造假，撤销认定' });
    expect(verdict.status === 'revoked' && verdict.revokedAt).toBeTruthy();
    expect((await listGalleryBrands()).some((row) => row.applicationId === scope.a.application.id)).toBe(false);
    expect((await findRecognitionByNo(recognitionNo!))?.revokedAt).toBeInstanceOf(Date);
    expect((await rejection(revokeRecognition({ recognitionId: recognition.id, reason: '再次撤销认定' }, context(scope.eastAdmin.id)))).code).toBe('CONFLICT');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: recognition.id, action: 'revoke-recognition' } });
    expect(audit.actorId).toBe(scope.eastAdmin.id);
    // The logo is no longer public through the recognition.
    expect(await canReadFile(null, logo.id)).toBe(false);
  });
});
