import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findCycle, LIB_DOMAINS, libDomainsPlugin } from '../../eslint/lib-domains.mjs';

const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
const config = [{ files: ['**/*.ts'], plugins: { 'lib-domains': libDomainsPlugin }, rules: { 'lib-domains/domain-imports': 'error' as const } }];

/** The rule's messages for `source` as the file at `file` (repository-relative). */
const lint = (file: string, source: string) => linter.verify(source, config, path.join(process.cwd(), file)).map((message) => message.message);

describe('lib domains', () => {
  it('declares a direction between domains, without a cycle', () => {
    expect(findCycle(LIB_DOMAINS)).toBeNull();
    expect(findCycle({ publicity: ['objections'], objections: ['publicity'] })).toEqual(['publicity', 'objections', 'publicity']);
  });

  it('lets a domain import one it may depend on, and itself', () => {
    expect(lint('lib/files/access.ts', "import { grantsRoleAt } from '@/lib/auth/scope';")).toEqual([]);
    expect(lint('lib/auth/guard.ts', "import { db } from '@/lib/db'; import { x } from './session';")).toEqual([]);
  });

  it('fails on an import against the declared direction, by alias or relative path', () => {
    expect(lint('lib/auth/download.ts', "import { textRefusal } from '@/lib/files/http';")[0]).toContain('lib/files 已依赖 lib/auth');
    expect(lint('lib/auth/x.ts', "export { y } from '../campaign/stages';")[0]).toContain('lib/campaign 已依赖 lib/auth');
    expect(lint('lib/auth/x.ts', "const module = import('@/lib/review/pool');")[0]).toContain('lib/review 已依赖 lib/auth');
  });

  it('fails on an undeclared dependency, an unknown domain and a shared base file that imports a domain', () => {
    expect(lint('lib/gallery/x.ts', "import { y } from '@/lib/voting/results';")[0]).toContain('未在 eslint/lib-domains.mjs 中声明');
    expect(lint('lib/newthing/x.ts', "import { y } from '@/lib/auth/scope';")[0]).toContain('不在 eslint/lib-domains.mjs 的领域表中');
    expect(lint('lib/db.ts', "import { y } from '@/lib/auth/guard';")[0]).toContain('顶层的共用模块');
  });
});
