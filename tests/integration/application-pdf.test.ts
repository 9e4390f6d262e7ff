import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { renderApplicationPdf } from '@/lib/application/pdf';
import { loadApplicationPrintData } from '@/lib/application/print-data';
import { canReadApplicationForPrint } from '@/lib/application/print-access';
import { createOrg } from '../support/factories';
import { createCampaignScope, createTestCampaign } from '../support/campaigns';
import { createPrintableApplication, staffUserWith } from '../support/print-applications';
import { extractPdfText, pdfPageCount } from '../support/pdf-text';

async function setup() {
  const scope = await createCampaignScope();
  const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
  const branch = await createOrg({ parent: scope.eastCommittee, name: '幸福社区党支部' });
  return { ...scope, campaign, branch };
}

describe('application PDF', () => {
  it('renders the form with the Chinese brand name, a subset Noto Sans SC font and the recommendation boxes', async () => {
    const { campaign, branch, east, eastCommittee } = await setup();
    const application = await createPrintableApplication({ campaignId: campaign.id, organizationId: branch.id, brandName: '红色管家暖民心' });
    const data = await loadApplicationPrintData(application.id);
    expect(data).toMatchObject({ brandName: '红色管家暖民心', organizationName: '幸福社区党支部', parentOrganizationName: eastCommittee.name, campaignTitle: campaign.title });
    // The committee recommends; the organizing department of the campaign's owner (`east`) reviews; nobody above it signs.
    expect(data?.opinionBoxes.map((box) => box.title)).toEqual([`${eastCommittee.name}推荐意见`, `${east.name}组织部审核意见`]);
    expect(data?.criteria.length).toBeGreaterThan(0);

    const pdf = await renderApplicationPdf(data!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    // Subsetting keeps the file far below the 10 MB font.
    expect(pdf.length).toBeLessThan(600_000);
    const text = extractPdfText(pdf);
    expect(text).toContain('红色管家暖民心');
    expect(text).toContain('党建品牌选树申报表');
    expect(text).toContain(`${eastCommittee.name}推荐意见`);
    expect(text).toContain(`${east.name}组织部审核意见`);
    expect(text).toContain('党组织书记');
    expect(text).toContain('第 1 页 / 共');
  });

  it('flows long texts onto further pages with page numbers on each', async () => {
    const { campaign, branch } = await setup();
    const practices = Array.from({ length: 60 }, (_, index) => `第${index + 1}项做法：围绕群众急难愁盼问题，组织党员志愿者开展入户走访和结对帮扶，形成了可复制可推广的工作经验。`).join('\n');
    const application = await createPrintableApplication({ campaignId: campaign.id, organizationId: branch.id, brandName: '长文本品牌', texts: { practices } });
    const pdf = await renderApplicationPdf((await loadApplicationPrintData(application.id))!);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    const text = extractPdfText(pdf);
    expect(text).toContain(`第 ${pages} 页 / 共 ${pages} 页`);
    expect(text).toContain('第60项做法');
  });

  it('embeds a WebP logo read from storage (converted, since pdfkit reads only PNG and JPEG)', async () => {
    const { campaign, branch } = await setup();
    const application = await createPrintableApplication({ campaignId: campaign.id, organizationId: branch.id, brandName: '带标识的品牌' });
    const webp = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c00000' } }).webp().toBuffer();
    const logo = await db.storedFile.create({
      data: { kind: 'IMAGE', storageKey: `test/logo-${application.id}.webp`, mimeType: 'image/webp', size: webp.length, sha256: 'x', originalName: 'logo.webp', width: 60, height: 40 },
    });
    await db.application.update({ where: { id: application.id }, data: { logoFileId: logo.id } });
    const requested: string[] = [];
    const data = await loadApplicationPrintData(application.id, async (key) => {
      requested.push(key);
      return webp;
    });
    expect(requested).toEqual([logo.storageKey]);
    expect(data?.logo?.mimeType).toBe('image/webp');
    const pdf = await renderApplicationPdf(data!);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(extractPdfText(pdf)).not.toContain('未上传品牌标识');
  });

  it('returns nothing for an unknown application', async () => {
    expect(await loadApplicationPrintData('missing-application')).toBeNull();
  });
});

describe('print access', () => {
  it('lets the branch secretary and admins above read, and refuses a sibling committee and unsubmitted drafts', async () => {
    const { campaign, branch, eastCommittee, westCommittee } = await setup();
    const application = await createPrintableApplication({ campaignId: campaign.id, organizationId: branch.id });
    const secretary = await staffUserWith([{ role: 'BRANCH_SECRETARY', organizationId: branch.id }]);
    const committee = await staffUserWith([{ role: 'COMMITTEE_ADMIN', organizationId: eastCommittee.id }]);
    const sibling = await staffUserWith([{ role: 'COMMITTEE_ADMIN', organizationId: westCommittee.id }]);
    const member = await staffUserWith([{ role: 'MEMBER', organizationId: branch.id }]);
    const eastOrgAdmin = await staffUserWith([{ role: 'ORG_ADMIN', organizationId: eastCommittee.parentId! }]);
    const westOrgAdmin = await staffUserWith([{ role: 'ORG_ADMIN', organizationId: westCommittee.parentId! }]);
    expect(await canReadApplicationForPrint(secretary, application.id)).toBe(true);
    expect(await canReadApplicationForPrint(committee, application.id)).toBe(true);
    expect(await canReadApplicationForPrint(eastOrgAdmin, application.id)).toBe(true);
    expect(await canReadApplicationForPrint(westOrgAdmin, application.id)).toBe(false);
    expect(await canReadApplicationForPrint(sibling, application.id)).toBe(false);
    expect(await canReadApplicationForPrint(member, application.id)).toBe(false);
    expect(await canReadApplicationForPrint(committee, 'missing-application')).toBe(false);
    const draft = await createPrintableApplication({ campaignId: campaign.id, organizationId: (await createOrg({ parent: eastCommittee })).id, status: 'DRAFT' });
    expect(await canReadApplicationForPrint(committee, draft.id)).toBe(false);
  });
});
