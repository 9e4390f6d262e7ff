import { describe, expect, it } from 'vitest';
import { createCaptcha } from '@/lib/auth/captcha';
import { db } from '@/lib/db';
import { canReadFile } from '@/lib/files/access';
import { revalidateDemo } from '@/lib/demo-public/cache';
import { COMMENTS_PER_IP_PER_DAY, COMMENTS_PER_PHONE_PER_DAY } from '@/lib/demo-public/comment-rules';
import { approveComment, hashCommentPhone, rejectComment, replyComment, requestCommentCode, submitComment } from '@/lib/demo-public/comment-service';
import { listModerationQueue } from '@/lib/demo-public/moderation-queries';
import { listPublicDemo, loadPublicBelt, loadPublicSite } from '@/lib/demo-public/queries';
import { rejection } from '../support/errors';
import { addSitePhoto, createDemoWorld } from '../support/demo-public';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { EAST_ROUTE } from '../../prisma/seed/demo-sites';

// 群众意见 on the public 示范点 / 示范带 pages and what those pages show (lib/demo-public).

let seed = 0;
const newPhone = () => `136${String(Date.now() % 1e5).padStart(5, '0')}${String(seed++ % 1000).padStart(3, '0')}`;
const newIp = () => `10.66.${seed % 250}.${seed++ % 250}`;

async function solved() {
  const { id } = await createCaptcha(db);
  const { answer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id } });
  return { captchaId: id, captchaAnswer: answer };
}

async function sentCode(phone: string): Promise<string> {
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone }, orderBy: { id: 'desc' } });
  return /验证码 (\d{6})/.exec(message.body ?? '')![1];
}

type TSubject = { beltId: string } | { siteId: string };

/** Requests a code for a fresh phone and comments with it. */
async function commentAs(subject: TSubject, body = '希望周末也能开放，方便上班族参观学习。', phone = newPhone(), ip = newIp()) {
  await requestCommentCode({ ...subject, phone, ...(await solved()) }, newIp());
  const { id } = await submitComment({ ...subject, phone, code: await sentCode(phone), body }, { ip });
  return { id, phone };
}

/** A PENDING comment written directly (moderation tests need no SMS round trip). */
async function pendingComment(subject: { beltId?: string; siteId?: string }, body = '建议增加夜间开放时间') {
  return db.publicComment.create({ data: { ...subject, phoneHash: hashCommentPhone(newPhone()), body, ip: '10.0.0.1' } });
}

const auditRows = (commentId: string) => db.auditLog.findMany({ where: { entityType: 'PublicComment', entityId: commentId }, orderBy: { createdAt: 'asc' } });

describe('public comments', () => {
  it('stores a verified comment PENDING with a keyed hash of the phone, shown only once approved, with the reply', async () => {
    const world = await createDemoWorld();
    const site = world.sites[0]!;
    const { id, phone } = await commentAs({ siteId: site.id });
    const row = await db.publicComment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'PENDING', siteId: site.id, beltId: null, displayName: '群众', phoneHash: hashCommentPhone(phone) });
    expect(row.phoneHash).not.toContain(phone);
    expect(JSON.stringify((await auditRows(id)).map((audit) => [audit.before, audit.after, audit.ip]))).not.toContain(phone);
    expect((await auditRows(id)).map((audit) => audit.action)).toEqual(['submit-public-comment']);

    // Pending: not on the public page, in the staff queue of the committee above the site.
    const before = await loadPublicSite(site.id);
    expect(before?.revoked === false && before.comments).toEqual([]);
    const queue = await listModerationQueue([{ role: 'COMMITTEE_ADMIN', organizationId: world.committee.id, organizationName: '', organizationPath: world.committee.path }], 'PENDING');
    expect(queue.comments.map((comment) => comment.id)).toEqual([id]);
    expect(queue.counts).toEqual({ PENDING: 1, APPROVED: 0, REJECTED: 0 });
    const sibling = await listModerationQueue([{ role: 'COMMITTEE_ADMIN', organizationId: world.sibling.id, organizationName: '', organizationPath: world.sibling.path }], 'PENDING');
    expect(sibling.comments).toEqual([]);

    await approveComment({ commentId: id }, { actorId: world.committeeAdmin.id });
    await replyComment({ commentId: id, reply: '感谢建议，周六上午已开放。' }, { actorId: world.cityAdmin.id });
    const after = await loadPublicSite(site.id);
    if (!after || after.revoked) throw new Error('site should be public');
    expect(after.comments).toHaveLength(1);
    expect(after.comments[0]).toMatchObject({ id, displayName: '群众', body: '希望周末也能开放，方便上班族参观学习。', reply: '感谢建议，周六上午已开放。' });
    // Nothing personal in what the page gets.
    expect(Object.keys(after.comments[0]!).sort()).toEqual(['body', 'createdAt', 'displayName', 'id', 'repliedAt', 'reply']);
    expect((await auditRows(id)).map((audit) => audit.action)).toEqual(['submit-public-comment', 'approve-public-comment', 'reply-public-comment']);
  });

  it('takes comments on an approved belt only, and shows it publicly only once approved', async () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED'] as const) {
      const draft = await createDemoWorld({ sites: 2, beltStatus: status });
      expect(await loadPublicBelt(draft.belt.id)).toBeNull();
      expect((await listPublicDemo()).programs.flatMap((program) => program.belts).some((belt) => belt.id === draft.belt.id)).toBe(false);
      const refused = await rejection(requestCommentCode({ beltId: draft.belt.id, phone: newPhone(), ...(await solved()) }, newIp()));
      expect(refused.code).toBe('NOT_FOUND');
    }
    const world = await createDemoWorld({ sites: 3 });
    const { id } = await commentAs({ beltId: world.belt.id }, '线路指示牌再多一些就更好了');
    const pending = await pendingComment({ beltId: world.belt.id }, '这一条还没审核');
    await approveComment({ commentId: id }, { actorId: world.committeeAdmin.id });
    const belt = await loadPublicBelt(world.belt.id);
    expect(belt?.sites.map((site) => site.routeOrder)).toEqual([1, 2, 3]);
    expect(belt?.sites[0]).toMatchObject({ met: 0, total: 11, revoked: false });
    expect(belt?.plan).toEqual([
      { year: 2026, milestones: '打基础', done: true },
      { year: 2027, milestones: '创品牌', done: false },
    ]);
    expect(belt?.comments.map((comment) => comment.id)).toEqual([id]);
    expect(belt?.comments.some((comment) => comment.id === pending.id)).toBe(false);
  });

  it('refuses a body too long, with links, an unverified phone, and past the daily limits, with clear messages', async () => {
    const world = await createDemoWorld({ sites: 1 });
    const subject = { siteId: world.sites[0]!.id };
    const phone = newPhone();
    await requestCommentCode({ ...subject, phone, ...(await solved()) }, newIp());
    const code = await sentCode(phone);

    const tooLong = await rejection(submitComment({ ...subject, phone, code, body: '好'.repeat(501) }));
    expect(tooLong.message).toBe('意见内容不能超过 500 字（现有 501 字）');
    for (const body of ['详见 http://example.org/a', '请看 https://t.cn/x', '访问 www.baidu.com 了解', '关注 abc123.com 有惊喜', '全角 ｗｗｗ．ｅｘａｍｐｌｅ．ｃｎ', '网站 shop.xyz']) {
      const refused = await rejection(submitComment({ ...subject, phone, code, body }));
      expect(refused.message, body).toMatch(/不能包含网址或链接/);
    }
    // Numbers with dots are no links.
    const ok = await submitComment({ ...subject, phone, code, body: '开放时间 8.30 到 17.30，第3.2条制度已上墙。' });
    expect(ok.id).toBeTruthy();

    // A phone that asked for no code, and a wrong code.
    const stranger = await rejection(submitComment({ ...subject, phone: newPhone(), code: '123456', body: '没有验证的手机号' }));
    expect(stranger.message).toBe('验证码已失效，请重新获取');
    const other = newPhone();
    await requestCommentCode({ ...subject, phone: other, ...(await solved()) }, newIp());
    const right = await sentCode(other);
    const wrong = await rejection(submitComment({ ...subject, phone: other, code: right === '000000' ? '111111' : '000000', body: '验证码不对' }));
    expect(wrong.message).toBe('验证码不正确');
    // The code is spent by a comment: it cannot be used twice.
    await submitComment({ ...subject, phone: other, code: right, body: '第一次提交' });
    expect((await rejection(submitComment({ ...subject, phone: other, code: right, body: '再用一次' }))).message).toBe('验证码已失效，请重新获取');

    // Per phone: at most 5 a day — the 6th is refused before a code is even sent.
    const busy = newPhone();
    await db.publicComment.createMany({ data: Array.from({ length: COMMENTS_PER_PHONE_PER_DAY }, () => ({ ...subject, phoneHash: hashCommentPhone(busy), body: '已提过的意见' })) });
    const noCode = await rejection(requestCommentCode({ ...subject, phone: busy, ...(await solved()) }, newIp()));
    expect(noCode).toMatchObject({ code: 'QUOTA_EXCEEDED', message: '同一手机号每天最多提出 5 条意见，请明天再来' });
    expect(await db.smsMessage.count({ where: { phone: busy } })).toBe(0);
    // Per network address: 30 a day.
    const crowded = '10.99.0.7';
    await db.publicComment.createMany({ data: Array.from({ length: COMMENTS_PER_IP_PER_DAY }, () => ({ ...subject, phoneHash: hashCommentPhone(newPhone()), body: '同一网络', ip: crowded })) });
    const fromCrowd = newPhone();
    await requestCommentCode({ ...subject, phone: fromCrowd, ...(await solved()) }, newIp());
    const crowdRefusal = await rejection(submitComment({ ...subject, phone: fromCrowd, code: await sentCode(fromCrowd), body: '同一网络的第 31 条' }, { ip: crowded }));
    expect(crowdRefusal).toMatchObject({ code: 'QUOTA_EXCEEDED', message: '当前网络今天提交的意见过多，请明天再试' });
  });

  it('moderates as a state machine PENDING → APPROVED | REJECTED, reply only on APPROVED, within the subtree', async () => {
    const world = await createDemoWorld({ sites: 1 });
    const subject = { siteId: world.sites[0]!.id };
    const staff = { actorId: world.committeeAdmin.id };

    const outsider = await pendingComment(subject);
    for (const actorId of [world.siblingAdmin.id, null]) {
      expect((await rejection(approveComment({ commentId: outsider.id }, { actorId }))).code).toBe('NOT_FOUND');
    }
    expect((await rejection(approveComment({ commentId: 'no-such-comment' }, staff))).code).toBe('NOT_FOUND');

    const approved = await pendingComment(subject);
    expect((await rejection(replyComment({ commentId: approved.id, reply: '还没通过就回复' }, staff))).message).toBe('该意见待审核，只能回复已通过审核的意见');
    await approveComment({ commentId: approved.id }, staff);
    expect(await rejection(approveComment({ commentId: approved.id }, staff))).toMatchObject({ code: 'CONFLICT', message: '该意见已通过并公开显示，不能再次审核' });
    expect((await rejection(rejectComment({ commentId: approved.id, reason: '改变主意了吧' }, staff))).code).toBe('CONFLICT');
    await replyComment({ commentId: approved.id, reply: '第一次回复' }, staff);
    await replyComment({ commentId: approved.id, reply: '修改后的回复' }, staff);
    expect(await db.publicComment.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({ status: 'APPROVED', reply: '修改后的回复', moderatedById: world.committeeAdmin.id });

    const rejected = await pendingComment(subject);
    expect((await rejection(rejectComment({ commentId: rejected.id, reason: '短' }, staff))).code).toBe('INVALID_INPUT');
    await rejectComment({ commentId: rejected.id, reason: '含有与示范点无关的广告内容' }, staff);
    expect((await rejection(approveComment({ commentId: rejected.id }, staff))).message).toBe('该意见已不予显示，不能再次审核');
    expect((await rejection(replyComment({ commentId: rejected.id, reply: '回复被拒的' }, staff))).code).toBe('CONFLICT');
    expect(await db.publicComment.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ status: 'REJECTED', rejectReason: '含有与示范点无关的广告内容' });
    const page = await loadPublicSite(subject.siteId);
    expect(page?.revoked === false && page.comments.map((comment) => comment.id)).toEqual([approved.id]);
    expect((await auditRows(rejected.id)).map((audit) => audit.action)).toEqual(['reject-public-comment']);
    expect((await auditRows(outsider.id)).length).toBe(0);
  });

  it('ends parallel approvals and rejections of one comment in exactly one state', async () => {
    const world = await createDemoWorld({ sites: 1 });
    const moderators = [world.committeeAdmin.id, world.cityAdmin.id];
    for (let round = 0; round < 8; round++) {
      const comment = await pendingComment({ siteId: world.sites[0]!.id });
      const calls = Array.from({ length: 6 }, (_, index) =>
        index % 2 === 0
          ? approveComment({ commentId: comment.id }, { actorId: moderators[index % 2]! }).then(() => 'APPROVED' as const)
          : rejectComment({ commentId: comment.id, reason: `并发不予显示 ${index}` }, { actorId: moderators[index % 2]! }).then(() => 'REJECTED' as const),
      );
      const outcomes = await Promise.allSettled(calls);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of outcomes.filter((outcome) => outcome.status === 'rejected')) expect((lost.reason as { code?: string }).code).toBe('CONFLICT');
      const final = await db.publicComment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(final.status).toBe((won[0] as PromiseFulfilledResult<string>).value);
      expect((await auditRows(comment.id)).length).toBe(1);
    }
  });

  it('shows a 摘牌 at once: the site page says 已摘牌 with reason and date, and its photos stop being public', async () => {
    const world = await createDemoWorld({ sites: 2 });
    const site = world.sites[0]!;
    const photo = await addSitePhoto(site.id, world.cityAdmin.id);
    const approved = await pendingComment({ siteId: site.id });
    await approveComment({ commentId: approved.id }, { actorId: world.cityAdmin.id });
    const active = await loadPublicSite(site.id);
    expect(active?.revoked).toBe(false);
    expect(active?.revoked === false && active.photos.map((entry) => entry.fileId)).toEqual([photo.id]);
    expect(await canReadFile(null, photo.id)).toBe('public');
    expect((await loadPublicBelt(world.belt.id))?.photos.map((entry) => entry.fileId)).toEqual([photo.id]);

    const revokedAt = new Date('2026-11-30T02:00:00Z');
    await db.demoSite.update({ where: { id: site.id }, data: { status: 'REVOKED', revokedAt, revokeReason: '复查发现阵地长期闲置', revokedById: world.cityAdmin.id } });
    // Outside a Next request there is no cache to expire: the call must not throw.
    expect(() => revalidateDemo()).not.toThrow();

    expect(await loadPublicSite(site.id)).toEqual({
      revoked: true,
      id: site.id,
      name: site.name,
      level: 'COUNTY',
      organizationName: expect.any(String),
      revokedAt: revokedAt.toISOString(),
      revokeReason: '复查发现阵地长期闲置',
    });
    expect(await canReadFile(null, photo.id)).toBe(false);
    const belt = await loadPublicBelt(world.belt.id);
    expect(belt?.sites[0]).toMatchObject({ revoked: true, met: 0, total: 0 });
    expect(belt?.photos).toEqual([]);
    expect((await listPublicDemo()).programs.flatMap((program) => program.sites).some((entry) => entry.id === site.id)).toBe(false);
    // A revoked site takes no more comments.
    expect((await rejection(requestCommentCode({ siteId: site.id, phone: newPhone(), ...(await solved()) }, newIp()))).code).toBe('NOT_FOUND');
  });

  it('seeds the demo comments on 东城\'s first site once: approved with a reply, pending, rejected; only the first is public', async () => {
    await seedDemoCity(db);
    await seedDemoCity(db);
    const site = await db.demoSite.findFirstOrThrow({ where: { name: EAST_ROUTE[0]!.name, organization: { code: EAST_ROUTE[0]!.orgCode } }, select: { id: true } });
    const comments = await db.publicComment.findMany({ where: { siteId: site.id }, orderBy: { status: 'asc' }, select: { status: true, reply: true, rejectReason: true } });
    expect(comments.map((comment) => comment.status)).toEqual(['PENDING', 'APPROVED', 'REJECTED']);
    expect(comments[1]!.reply).toBeTruthy();
    expect(comments[2]!.rejectReason).toBeTruthy();
    const page = await loadPublicSite(site.id);
    expect(page?.revoked === false && page.comments.map((comment) => comment.reply)).toEqual([comments[1]!.reply]);
  });
});
