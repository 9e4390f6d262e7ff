import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from '@/lib/audit/labels';
import { ENTRY_OPERATIONS, OPERATIONS } from '@/lib/campaign/lifecycle';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every file that writes audit rows, with its text. */
const writers = ['lib', 'app', 'prisma', 'scripts']
  .flatMap(sourceFiles)
  .filter((file) => file !== path.join('lib', 'audit', 'record.ts'))
  .map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }))
  .filter(({ text }) => /\brecordAudit\(/.test(text));

describe('audit labels', () => {
  it('has a Chinese label for every action written by a recordAudit call site', () => {
    // In a file that writes audit rows, every verb-noun string literal is an action (passed directly, through a
    // ternary, or as an argument to a helper that passes it on), so all of them must be labelled. The state machine's
    // operation names (lib/campaign/lifecycle.ts, asked by the same services) are the one other such vocabulary.
    const operations = new Set([...Object.keys(OPERATIONS), ...Object.keys(ENTRY_OPERATIONS)]);
    const used = writers
      .flatMap(({ file, text }) => [...text.matchAll(/['"`]([a-z]+(?:-[a-z]+)+)['"`]/g)].map((match) => ({ file, action: match[1] })))
      .filter(({ action }) => !operations.has(action));
    expect(writers.length).toBeGreaterThan(15);
    expect(new Set(used.map((entry) => entry.action)).size).toBeGreaterThan(50);
    expect(used.filter(({ action }) => !Object.hasOwn(AUDIT_ACTION_LABELS, action))).toEqual([]);
  });

  it('has a Chinese label for every object type written by a recordAudit call site', () => {
    const used = writers.flatMap(({ file, text }) => [...text.matchAll(/entityType:\s*['"`](\w+)['"`]/g)].map((match) => ({ file, entityType: match[1] })));
    expect(new Set(used.map((entry) => entry.entityType)).size).toBeGreaterThan(10);
    expect(used.filter(({ entityType }) => !Object.hasOwn(AUDIT_ENTITY_LABELS, entityType))).toEqual([]);
  });

  it('labels are Chinese text, never the English key', () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS)]) {
      expect(label).toMatch(/^[\u4e00-\u9fff（）/]+$/);
    }
    expect(auditActionLabel('sign-decision')).toBe('签署初评/审定');
    expect(auditEntityLabel('StoredFile')).toBe('上传的文件');
    expect(auditActionLabel('constructor')).toBe('其他操作');
    expect(auditEntityLabel('toString')).toBe('其他对象');
  });

  it('names the object of every type written by a recordAudit call site (no id on the staff page)', () => {
    // lib/audit-log/names.ts looks each type up by `Type:id` (its own list and demonstration-names.ts) or through
    // ENTITY_REFS; a type missing from both shows its cuid, which the audit-log e2e test refuses.
    const namers = ['names.ts', 'demonstration-names.ts'].map((file) => readFileSync(path.join(ROOT, 'lib', 'audit-log', file), 'utf8')).join('\n');
    const used = new Set(writers.flatMap(({ text }) => [...text.matchAll(/entityType:\s*['"`](\w+)['"`]/g)].map((match) => match[1])));
    const unnamed = [...used].filter((type) => !namers.includes(`'${type}'`) && !namers.includes(`\`${type}:`) && !new RegExp(`^\\s+${type}: '`, 'm').test(namers));
    expect(unnamed).toEqual([]);
  });
});
