import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNCLAIMED } from '@/lib/files/claim';

const schema = readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');

/** The relation fields of model StoredFile that point at records holding a file (every back-relation but its uploader). */
function owners(): string[] {
  const body = schema.match(/\nmodel StoredFile \{([\s\S]*?)\n\}/)![1]!;
  const models = new Set([...schema.matchAll(/\nmodel (\w+) \{/g)].map((match) => match[1]));
  return body
    .split('\n')
    .map((line) => line.trim().match(/^(\w+)\s+(\w+)(\[\]|\?)?/))
    .filter((match): match is RegExpMatchArray => !!match && models.has(match[2]!) && match[2] !== 'User')
    .map((match) => match[1]!);
}

describe('file claims', () => {
  it('UNCLAIMED names every record that can hold a stored file, so no file is ever claimed twice', () => {
    expect(owners().length).toBeGreaterThan(10);
    expect(Object.keys(UNCLAIMED).sort()).toEqual(owners().sort());
  });
});
