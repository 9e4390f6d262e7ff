import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GET as getAnnouncementPdf } from '@/app/api/campaigns/[id]/announcement/route';
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { loadGrants } from '@/lib/application/access';
import { canDownloadCertificate } from '@/lib/honors/access';
import { renderAnnouncementPdf } from '@/lib/honors/announcement-pdf';
import { chineseDate } from '@/lib/honors/document';
import { renderCertificatePdf } from '@/lib/honors/certificate-pdf';
import { findHonorByCertificateNo, loadAnnouncement, loadCampaignHonors } from '@/lib/honors/queries';
import { verificationUrl } from '@/lib/honors/url';
import { normaliseCertificateNo, verifyCertificate } from '@/lib/honors/verify';
import { finaliseCampaign, revokeHonor } from '@/lib/publicity/service';
import { decodeCertificateQr, pdfLinks } from '../support/certificate-qr';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { extractPdfText, pdfPageCount } from '../support/pdf-text';
import { createAwardedScope, endPublicity, insertObjection, openPublicity, shanghaiDay } from '../support/publicity';

const DOCUMENT_NO = '示范组通〔2026〕18号';

/** Every Flate stream of a PDF, inflated and joined: the drawing operators of its pages. */
function pageContents(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const parts: string[] = [];
  for (let start = text.indexOf('stream\n'); start >= 0; start = text.indexOf('stream\n', start + 1)) {
    const end = text.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start + 'stream\n'.length, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (or an endstream keyword matched): nothing to read.
    }
  }
  return parts.join('\n');
}

/** An awarded campaign through 公示 to the published 表彰决定; `withhold` entries get an upheld objection first. */
async function honoredScope(options: { entries: number; withhold?: number[] }) {
  const scope = await createAwardedScope({ entries: options.entries, awarded: options.entries });
  const campaignId = scope.campaign.id;
  await openPublicity(campaignId, scope.cityAdmin.id);
  for (const index of options.withhold ?? []) await insertObjection(campaignId, scope.entries[index].id, { status: 'ANSWERED', outcome: 'UPHELD' });
  await endPublicity(campaignId);
  await finaliseCampaign(
    { campaignId, title: '关于命名表彰优秀党建品牌的决定', documentNo: DOCUMENT_NO, preamble: '经逐级推荐、评审和公示，决定对以下党建品牌予以通报表扬。\n希望受表彰单位珍惜荣誉。', issuedOn: shanghaiDay() },
    { actorId: scope.cityAdmin.id },
  );
  const honors = await db.honor.findMany({ where: { campaignId }, orderBy: { sortOrder: 'asc' } });
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true, organization: { select: { name: true } } } });
  const entry = (index: number) => names.find((row) => row.id === scope.entries[index].id)!;
  return { ...scope, campaignId, honors, entry };
}

/** The same characters as a phone's full-width keyboard types them. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

describe('certificate verification', () => {
  it('tells a valid, an unknown and a revoked certificate apart, whatever way the number is typed', async () => {
    const scope = await honoredScope({ entries: 2 });
    const [first, second] = scope.honors;
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaignId }, select: { title: true, ownerOrg: { select: { name: true } } } });

    const valid = await verifyCertificate(first.certificateNo);
    expect(valid).toEqual({
      status: 'valid',
      certificateNo: first.certificateNo,
      brandName: scope.entry(0).brandName,
      organizationName: scope.entry(0).organization.name,
      awardName: scope.award.name,
      campaignTitle: campaign.title,
      issuerName: campaign.ownerOrg.name,
      issuedOn: `${shanghaiDay()}T00:00:00.000Z`,
      revokedAt: null,
      revokeReason: null,
    });

    // Lower case, full-width letters and digits, a full-width dash, spaces around: the same certificate.
    const typed = `  ${fullWidth(first.certificateNo.toLowerCase())}\u3000`;
    expect(normaliseCertificateNo(typed)).toBe(first.certificateNo);
    expect(normaliseCertificateNo('djpp—2026 – 000001')).toBe('DJPP-2026-000001');
    expect(await verifyCertificate(typed)).toMatchObject({ status: 'valid', certificateNo: first.certificateNo });

    for (const unknown of ['DJPP-2026-999999999', 'DJPP-1999-000001', 'hello', '', `${first.certificateNo}9`]) {
      const result = await verifyCertificate(unknown);
      expect(result.status).toBe('unknown');
      expect(Object.keys(result).sort()).toEqual(['certificateNo', 'status']);
    }

    await revokeHonor({ honorId: second.id, reason: '创建工作停滞，不再符合品牌标准' }, { actorId: scope.cityAdmin.id });
    const revoked = await verifyCertificate(second.certificateNo.toLowerCase());
    const stored = await db.honor.findUniqueOrThrow({ where: { id: second.id }, select: { revokedAt: true } });
    expect(revoked).toMatchObject({
      status: 'revoked',
      certificateNo: second.certificateNo,
      brandName: scope.entry(1).brandName,
      revokedAt: stored.revokedAt!.toISOString(),
      revokeReason: '创建工作停滞，不再符合品牌标准',
    });
    expect((await verifyCertificate(first.certificateNo)).status).toBe('valid');
  });

  it('refuses 摘牌 to admins of another subtree and a second time, and audits the one that happens', async () => {
    const scope = await honoredScope({ entries: 1 });
    const honor = scope.honors[0];
    const westOrgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }] });
    const reason = { honorId: honor.id, reason: '经核查存在弄虚作假问题' };

    expect((await rejection(revokeHonor(reason, { actorId: westOrgAdmin.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(revokeHonor(reason, { actorId: scope.westAdmin.id }))).code).toBe('FORBIDDEN');
    // The branch's own committee is no organizer either.
    expect((await rejection(revokeHonor(reason, { actorId: scope.committeeAdmin.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(revokeHonor({ honorId: honor.id, reason: '太短' }, { actorId: scope.cityAdmin.id }))).code).toBe('INVALID_INPUT');
    expect((await verifyCertificate(honor.certificateNo)).status).toBe('valid');

    await revokeHonor(reason, { actorId: scope.cityAdmin.id });
    const again = await rejection(revokeHonor({ ...reason, reason: '再次提交的摘牌理由' }, { actorId: scope.cityAdmin.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('该品牌已经摘牌');

    const audits = await db.auditLog.findMany({ where: { action: 'revoke-honor', entityId: honor.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: scope.cityAdmin.id, after: { certificateNo: honor.certificateNo, reason: '经核查存在弄虚作假问题' } });
    const staff = await loadCampaignHonors(scope.campaignId);
    expect(staff.revoked).toBe(1);
    expect(staff.honors[0]).toMatchObject({ certificateNo: honor.certificateNo, revokeReason: '经核查存在弄虚作假问题', revokedBy: { displayName: expect.any(String) } });
  });
});

describe('certificate PDF', () => {
  it('prints the number, brand, organization, award, issuer and date, with a QR code and a link to the verification page', async () => {
    const scope = await honoredScope({ entries: 1 });
    const honor = (await findHonorByCertificateNo(scope.honors[0].certificateNo))!;
    const url = verificationUrl(honor.certificateNo, 'https://dangjian.example.gov.cn');
    expect(url).toMatch(new RegExp(`/certificates/${honor.certificateNo}$`));

    const pdf = await renderCertificatePdf({ ...honor, verificationUrl: url });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    // A4 landscape.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const text = extractPdfText(pdf);
    for (const expected of ['荣誉证书', honor.certificateNo, `“${scope.entry(0).brandName}”党建品牌`, scope.entry(0).organization.name, scope.award.name, honor.issuerName, url]) expect(text).toContain(expected);
    const date = formatDate(honor.issuedOn);
    expect(date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(text).toContain(date);
    expect(text).not.toContain('已摘牌');
    // Chinese double quotes, not corner brackets.
    expect(text).not.toMatch(/[「」]/);

    // The QR code reads as the verification address, and the same address is a link over it, bottom right.
    expect(decodeCertificateQr(pdf)).toBe(url);
    const [link] = pdfLinks(pdf);
    expect(link.uri).toBe(url);
    expect(link.rect[0]).toBeGreaterThan(841.89 / 2);
    expect(link.rect[1]).toBeLessThan(595.28 / 3);

    await revokeHonor({ honorId: honor.id, reason: '创建工作停滞，不再符合品牌标准' }, { actorId: scope.cityAdmin.id });
    const revoked = (await findHonorByCertificateNo(honor.certificateNo))!;
    const revokedText = extractPdfText(await renderCertificatePdf({ ...revoked, verificationUrl: url }));
    expect(revokedText).toContain('已摘牌 · 证书作废');
    expect(revokedText).toContain(`自${formatDate(revoked.revokedAt)}起失效`);
  });

  it('may be downloaded by the organizer, the honored branch and the admins above it, and nobody else', async () => {
    const scope = await honoredScope({ entries: 2 });
    const honor = (await findHonorByCertificateNo(scope.honors.find((row) => row.applicationId === scope.entries[0].id)!.certificateNo))!;
    const westOrgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }] });
    const elsewhere = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: (await createOrg()).id }] });
    const allowed = async (userId: string) => canDownloadCertificate(await loadGrants(db, userId), honor);

    expect(await allowed(scope.cityAdmin.id)).toBe(true);
    expect(await allowed(scope.entries[0].secretaryId)).toBe(true);
    expect(await allowed(scope.committeeAdmin.id)).toBe(true);
    expect(await allowed(scope.districtAdmin.id)).toBe(true);
    expect(await allowed(scope.entries[1].secretaryId)).toBe(false);
    expect(await allowed(scope.westAdmin.id)).toBe(false);
    expect(await allowed(westOrgAdmin.id)).toBe(false);
    expect(await allowed(elsewhere.id)).toBe(false);
  });
});

describe('表彰决定', () => {
  it('lists the winners by award in order, without an entry withheld by an upheld objection, in the PDF and its route', async () => {
    const call = (campaignId: string) => getAnnouncementPdf(new Request(`http://localhost/api/campaigns/${campaignId}/announcement`), { params: Promise.resolve({ id: campaignId }) });
    const unpublished = await createAwardedScope({ entries: 1 });
    const refused = await call(unpublished.campaign.id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe('表彰决定尚未发布');
    expect((await call('no-such-campaign')).status).toBe(404);

    const scope = await honoredScope({ entries: 4, withhold: [1] });
    expect(scope.honors.map((honor) => honor.applicationId)).toEqual([scope.entries[0].id, scope.entries[2].id, scope.entries[3].id]);
    // A second award ranked above the first: entry 3 moves there (the decision is signed and cannot change, the honor can).
    const top = await db.award.create({ data: { campaignId: scope.campaignId, kind: 'DEMONSTRATION', name: '示范市委示范党建品牌', count: 1, sortOrder: -1 } });
    await db.honor.updateMany({ where: { campaignId: scope.campaignId, applicationId: scope.entries[3].id }, data: { awardId: top.id, awardName: top.name } });

    const announcement = (await loadAnnouncement(scope.campaignId))!;
    expect(announcement.total).toBe(3);
    expect(announcement.groups.map((group) => [group.awardName, group.honors.map((honor) => honor.brandName)])).toEqual([
      [top.name, [scope.entry(3).brandName]],
      [scope.award.name, [scope.entry(0).brandName, scope.entry(2).brandName]],
    ]);

    const pdf = await renderAnnouncementPdf(announcement);
    const text = extractPdfText(pdf);
    for (const expected of [
      '关于命名表彰优秀党建品牌的决定',
      DOCUMENT_NO,
      '希望受表彰单位珍惜荣誉。',
      `一、${top.name}（1 个）`,
      `二、${scope.award.name}（2 个）`,
      `${scope.entry(3).organization.name}：${scope.entry(3).brandName}`,
      `${scope.entry(0).organization.name}：${scope.entry(0).brandName}`,
      `${scope.entry(2).organization.name}：${scope.entry(2).brandName}`,
      // GB/T 9704: the red 发文机关标志, 主送, the issuer, the 成文日期 in Chinese and "— 1 —".
      `${announcement.issuerName}文件`,
      '各级党组织：',
      announcement.issuerName,
      chineseDate(announcement.issuedOn),
      '— 1 —',
    ])
      expect(text).toContain(expected);
    expect(chineseDate(announcement.issuedOn)).toMatch(/^二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/);
    expect(text).not.toContain(formatDate(announcement.issuedOn));
    // The body in the serif (仿宋 style), the title in its bold (小标宋 style), headings in 黑体 (Noto Sans SC), on A4.
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Medium/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);
    // The mark in red (fill) and the rule in red (stroke): #e60012.
    const drawing = pageContents(pdf);
    expect(drawing).toMatch(/0\.90196\d* 0 0\.070588\d* scn/);
    expect(drawing).toMatch(/0\.90196\d* 0 0\.070588\d* SCN/);
    expect(text.indexOf(top.name)).toBeLessThan(text.indexOf(`二、${scope.award.name}`));
    expect(text.indexOf(scope.entry(0).brandName)).toBeLessThan(text.indexOf(scope.entry(2).brandName));
    expect(text).not.toContain(scope.entry(1).brandName);

    const response = await call(scope.campaignId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('announcement.pdf');
    expect(extractPdfText(Buffer.from(await response.arrayBuffer()))).toContain(`二、${scope.award.name}（2 个）`);
  });
});
