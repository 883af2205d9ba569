// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Imports a layer may not use: the layering of STYLE.md, enforced. */
const restrict = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'This layer must not depend on that one (see README, "Architecture").',
      })),
    },
  ],
})

const ui = ['react', 'react-dom', 'tldraw', '@tldraw/*']
const http = ['hono', '@hono/*', 'ws']
const database = ['drizzle-orm*', 'better-sqlite3', 'pg']

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      'tests/artifacts/**',
      'test-results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Layers: packages know nothing of the apps; only the apps touch React, Hono, sockets or SQL.
  {
    // Workshop rules are pure: no I/O, no frameworks, no Node built-ins.
    files: ['packages/facilitation/src/**/*.ts'],
    rules: restrict(...ui, ...http, ...database, 'yjs', 'node:*', '@accord/*'),
  },
  {
    files: ['packages/sync/src/**/*.ts'],
    rules: restrict(...ui, ...http, ...database, '@accord/*'),
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: restrict(...ui, ...http, '@accord/db', '@accord/web', '@accord/server'),
  },
  {
    files: ['packages/tldraw-yjs/src/**/*.ts'],
    rules: restrict('react', 'react-dom', 'tldraw', ...http, ...database, '@accord/*'),
  },
  {
    files: ['apps/server/src/**/*.ts'],
    rules: restrict(...ui, '@accord/web'),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: restrict(...http, ...database, '@accord/db', '@accord/server'),
  },
  {
    // The benchmark drives every server from outside, through its process and protocol only.
    files: ['bench/src/**/*.ts'],
    rules: restrict(...ui, '@accord/*'),
  },
)
