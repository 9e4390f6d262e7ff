// 短信记录 for the organization department (root ORG_ADMIN): the development sender's messages with their text, so a
// demo or a test can read the codes; a production provider's records show only whether they went out.
import { db } from '@/lib/db';
import { depthOf } from '@/lib/org-tree/tree';
import type { TSessionUser } from '@/lib/auth/session';

export const SMS_PAGE_SIZE = 30;

/** Codes go to any phone, not to an organization: only administrators of a root organization read them. */
export const canReadSms = (user: TSessionUser) => user.roles.some((grant) => grant.role === 'ORG_ADMIN' && depthOf(grant.organizationPath) === 0);

export async function listSmsMessages(filters: { phone?: string; page: number }) {
  const where = filters.phone ? { phone: { contains: filters.phone } } : {};
  const [total, rows] = await Promise.all([
    db.smsMessage.count({ where }),
    db.smsMessage.findMany({ where, orderBy: { id: 'desc' }, skip: (filters.page - 1) * SMS_PAGE_SIZE, take: SMS_PAGE_SIZE }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / SMS_PAGE_SIZE)), rows };
}
