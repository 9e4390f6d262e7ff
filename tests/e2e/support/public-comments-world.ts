// The authorization matrix's 群众意见 (lib/demo-public): a 示范点 of the branch 幸福里 (under dh-admin's 东华街道党工委) in
// the demo program, with two PENDING comments — one the moderators approve (then reply to), one they reject. The site
// is revoked when the world retires, which takes it off the public list.
import { db } from '@/lib/db';

export async function createPublicCommentWorld(tag: string, branchId: string) {
  const program = await db.demoProgram.findFirstOrThrow({ where: { ownerOrg: { code: 'SF' } }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const site = await db.demoSite.create({ data: { programId: program.id, organizationId: branchId, name: `权限矩阵示范点-${tag}` }, select: { id: true } });
  const comment = (body: string) => db.publicComment.create({ data: { siteId: site.id, phoneHash: `matrix-${tag}`, body }, select: { id: true } });
  const [approve, reject] = [await comment('矩阵意见：待审核通过'), await comment('矩阵意见：待不予显示')];
  return { siteId: site.id, approveId: approve.id, rejectId: reject.id };
}

export async function retirePublicCommentWorld(tag: string) {
  await db.demoSite.updateMany({ where: { name: `权限矩阵示范点-${tag}`, status: 'ACTIVE' }, data: { status: 'REVOKED', revokedAt: new Date(), revokeReason: '权限矩阵测试结束' } });
}
