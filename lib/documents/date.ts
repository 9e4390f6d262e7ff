import { formatDate } from '@/lib/format';

/** The date on a document: 2026年11月22日, in Asia/Shanghai. */
export const documentDate = (date: Date) => formatDate(date);
