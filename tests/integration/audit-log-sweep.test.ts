// Runs last (vitest.config.ts orders it after every other integration file): every audit row the whole tier wrote —
// every service's real records — must read in Chinese on the audit log page.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { describeChanges } from '@/lib/audit-log/changes';
import { loadAuditNames } from '@/lib/audit-log/names';
import { KEYED_VALUE_LABELS } from '@/lib/audit-log/fields';
import { DOCUMENT_KINDS } from '@/lib/documents/registry';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
describe('audit log reads in Chinese for every record on file', () => {
  it('has a label for every field, a name for every id and a Chinese word for every enum value', async () => {
    await seedDemoCity(db);
    const problems = new Set<string>();
    const ID_LIKE = /\bc[a-z0-9]{20,}\b/;
    let cursor: bigint | undefined;
    let seen = 0;
    for (;;) {
      const rows = await db.auditLog.findMany({
        orderBy: { id: 'asc' },
        take: 500,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true },
      });
      if (!rows.length) break;
      cursor = rows.at(-1)!.id;
      seen += rows.length;
      const { names, entityName } = await loadAuditNames(rows);
      for (const row of rows) {
        const name = entityName(row);
        if (name && ID_LIKE.test(name)) problems.add(`${row.action}: object name ${name}`);
        for (const change of describeChanges(row.before, row.after, names)) {
          // An untranslated key shows as a latin word in the label; an untranslated enum as an all-caps value.
          if (/[A-Za-z]{3,}/.test(change.label.replace(/PDF|IP|Excel|Logo|URL|ID/g, ''))) problems.add(`${row.action}: label ${change.label}`);
          for (const value of [change.before, change.after]) {
            if (value && ID_LIKE.test(value)) problems.add(`${row.action}: ${change.label} shows an id`);
            if (value && /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$|^[A-Z]{4,}$/.test(value)) problems.add(`${row.action}: ${change.label} = ${value}`);
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
    expect([...problems].sort()).toEqual([]);
  }, 120_000);

  it('names each document kind as the document registry does (fields.ts repeats the labels to stay free of PDF code)', () => {
    for (const [key, kind] of Object.entries(DOCUMENT_KINDS)) expect([key, KEYED_VALUE_LABELS.kind[key]]).toEqual([key, kind.label]);
  });
});
