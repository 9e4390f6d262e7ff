import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Import direction: app → components → lib, never back (rallly's rule). Raw process.env only in lib/env.ts.
const noImportsFrom = (...layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        group: [`@/${layer}/*`, `**/${layer}/*`, `@/${layer}`],
        message: `依赖方向是 app → components → lib：这里不能引用 ${layer}/。`,
      })),
    },
  ],
});

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
  { files: ['lib/**/*.{ts,tsx}'], rules: noImportsFrom('app', 'components') },
  { files: ['components/**/*.{ts,tsx}'], rules: noImportsFrom('app') },
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
