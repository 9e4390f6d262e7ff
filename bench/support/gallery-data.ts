// The 品牌风采 of bench:gallery and bench:lighthouse: finished campaigns (公示 held, 表彰决定 published through the real
// service) whose honored brands each have an uploaded logo, the first brand of each campaign also three photos.
// Call after runOnThrowawayDatabase set DATABASE_URL and before the server starts: uploads go to a temporary folder
// (UPLOAD_DIR, inherited by the benchmark server), never to the dev data in .data/.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

const COLOURS = ['#a61b1b', '#c2410c', '#b45309', '#15803d', '#0f766e', '#1d4ed8', '#7e22ce', '#be185d'];

/** A 512 px logo: a coloured disc with a ring and a star, different for every index. */
function logoPng(index: number): Promise<Buffer> {
  const colour = COLOURS[index % COLOURS.length];
  const points = Array.from({ length: 10 }, (_, at) => {
    const radius = at % 2 ? 70 : 170;
    const angle = (Math.PI / 5) * at - Math.PI / 2 + index * 0.1;
    return `${(256 + radius * Math.cos(angle)).toFixed(1)},${(256 + radius * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" fill="#fff"/><circle cx="256" cy="256" r="240" fill="${colour}"/><circle cx="256" cy="256" r="205" fill="none" stroke="#fde68a" stroke-width="12"/><polygon points="${points}" fill="#fde68a"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A 1600 × 1200 photo-like JPEG (a gradient with shapes), about what a phone picture is after upload. */
function photoJpeg(index: number): Promise<Buffer> {
  const from = COLOURS[index % COLOURS.length];
  const to = COLOURS[(index + 3) % COLOURS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="1600" height="1200" fill="url(#g)"/><circle cx="${400 + (index % 8) * 90}" cy="500" r="260" fill="#fff" fill-opacity="0.25"/><rect x="200" y="820" width="1200" height="180" rx="40" fill="#000" fill-opacity="0.2"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Creates `campaigns` finished campaigns of `perCampaign` honored brands each; returns the brands' application ids. */
export async function seedHonoredBrands(campaigns: number, perCampaign: number): Promise<string[]> {
  if (!process.env.UPLOAD_DIR) {
    const uploads = mkdtempSync(path.join(os.tmpdir(), 'bench-uploads-'));
    process.env.UPLOAD_DIR = uploads;
    process.on('exit', () => rmSync(uploads, { recursive: true, force: true }));
  }
  const { db } = await import('@/lib/db');
  const { storeUpload } = await import('@/lib/files/service');
  const { finaliseCampaign } = await import('@/lib/publicity/service');
  const { createAwardedScope, endPublicity, openPublicity, shanghaiDay } = await import('../../tests/support/publicity');

  const brandIds: string[] = [];
  for (let campaign = 0; campaign < campaigns; campaign++) {
    const scope = await createAwardedScope({ entries: perCampaign, awarded: perCampaign });
    await openPublicity(scope.campaign.id, scope.cityAdmin.id);
    await endPublicity(scope.campaign.id);
    await finaliseCampaign(
      { campaignId: scope.campaign.id, title: '关于表扬优秀党建品牌的决定', documentNo: `示范组通〔2026〕${90 + campaign}号`, preamble: '决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() },
      { actorId: scope.cityAdmin.id },
    );
    const as = { actorId: scope.cityAdmin.id };
    for (const [index, entry] of scope.entries.entries()) {
      const number = brandIds.length;
      const logo = await storeUpload({ bytes: await logoPng(number), fileName: `logo-${number}.png`, slot: 'LOGO' }, as);
      await db.application.update({ where: { id: entry.id }, data: { logoFileId: logo.id } });
      if (index === 0) {
        for (let photo = 0; photo < 3; photo++) {
          const file = await storeUpload({ bytes: await photoJpeg(number + photo), fileName: `photo-${number}-${photo}.jpg`, slot: 'PHOTO' }, as);
          await db.applicationAttachment.create({ data: { applicationId: entry.id, fileId: file.id, slot: 'PHOTO', sortOrder: photo, caption: ['党员志愿服务', '主题党日活动', '党群服务阵地'][photo] } });
        }
      }
      brandIds.push(entry.id);
    }
  }
  return brandIds;
}
