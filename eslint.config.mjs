import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { libDomainsPlugin } from './eslint/lib-domains.mjs';

// Import direction: app → components → lib, never back (rallly's rule). Raw process.env only in lib/env.ts.
const layerPatterns = (...layers) =>
  layers.map((layer) => ({
    group: [`@/${layer}/*`, `**/${layer}/*`, `@/${layer}`],
    message: `依赖方向是 app → components → lib：这里不能引用 ${layer}/。`,
  }));

// Pages and components read through lib/<domain>/queries; only lib talks to Prisma.
const NO_DB = {
  group: ['@/lib/db', '**/lib/db'],
  message: '页面、组件和路由处理器不直接访问数据库：把读写放进 lib/<领域>/queries.ts 或 service.ts。',
};

// Leaving a request with redirect()/notFound() is the boundary's job (lib/http/page.ts); the rest of lib returns or throws.
const NO_NAVIGATION = {
  group: ['next/navigation'],
  message: 'lib 中只有请求边界 lib/http/ 可以用 next/navigation：页面加载器请用 lib/http/page.ts 的 pageNotFound / requirePageUser。',
};

const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', '.next*/', 'lib/generated/', '.data/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['lib/**/*.{ts,tsx}'], ignores: ['lib/http/**'], rules: restrictImports(...layerPatterns('app', 'components'), NO_NAVIGATION) },
  { files: ['lib/http/**/*.{ts,tsx}'], rules: restrictImports(...layerPatterns('app', 'components')) },
  { files: ['lib/**/*.{ts,tsx}'], plugins: { 'lib-domains': libDomainsPlugin }, rules: { 'lib-domains/domain-imports': 'error' } },
  { files: ['components/**/*.{ts,tsx}'], rules: restrictImports(...layerPatterns('app'), NO_DB) },
  { files: ['app/**/*.{ts,tsx}'], rules: restrictImports(NO_DB) },
  {
    // Benchmark-only route (route.bench.ts, absent from normal builds): the insert floor times a bare pool insert.
    files: ['app/api/bench/**/*.bench.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/env.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: '请通过 lib/env.ts 读取环境变量。' },
      ],
    },
  },
  {
    // Every spec takes `test` from the guarded fixture, so each page it shows is held to the 390 px layout rules.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test', 'expect'], message: '请从 ./support/test 引用 test 与 expect（含 390 px 版面检查）。' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs', '*.js', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
