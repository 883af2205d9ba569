// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The layers (ARCHITECTURE.md), enforced: what each workspace may import. ESLint replaces, not
 * merges, a rule set twice for one file, so each workspace has exactly one
 * `no-restricted-imports` setting (`layer()` builds it, for its sources and for its tests).
 */
const layerMessage = 'This layer must not depend on that one (ARCHITECTURE.md).'

const repoRoot = dirname(fileURLToPath(import.meta.url))

/** The workspace a path is in: `apps/<name>`, `packages/<name>`, a top-level folder, or the root. */
function workspaceOf(path) {
  const parts = relative(repoRoot, path).split(sep)
  if (parts.length === 1) return '.'
  return parts[0] === 'apps' || parts[0] === 'packages' ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Another workspace is reached by its package name, never by a relative path: whatever the
 * importing file's depth, a relative import that resolves outside its own workspace is refused.
 */
const workspaces = {
  rules: {
    'no-relative-import': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          cross: "'{{source}}' is in {{target}}: import another workspace by its package name.",
        },
      },
      create(context) {
        const from = workspaceOf(context.filename)
        const check = (node) => {
          const source = node.source?.type === 'Literal' ? node.source.value : null
          if (typeof source !== 'string' || !source.startsWith('.')) return
          const target = workspaceOf(resolve(dirname(context.filename), source))
          if (target !== from)
            context.report({ node, messageId: 'cross', data: { source, target } })
        }
        return {
          ImportDeclaration: check,
          ImportExpression: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
        }
      },
    },
  },
}

/** Test support (`testing/` folders and subpaths) is for tests only. */
const testSupport = {
  regex: '(^|/)testing(/|$)',
  message: 'Test support is imported by tests only (*.test.ts, testing/, tests/).',
}
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.soak.ts', '**/testing/**']

/**
 * Two configs for `files`: its production sources, and its tests — which may use test support
 * and whatever `testsMay` names (a golden-file test reads files).
 */
const layer = (files, groups, { testsMay = [] } = {}) => {
  const restricted = (list) =>
    list.map((group) =>
      typeof group === 'string' ? { group: [group], message: layerMessage } : group,
    )
  const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
  return [
    { files, ignores: testFiles, rules: rule([...restricted(groups), testSupport]) },
    {
      files: files.flatMap((glob) => testFiles.map((test) => [glob, test])),
      rules: rule(restricted(groups.filter((group) => !testsMay.includes(group)))),
    },
  ]
}

const ui = ['react', 'react-dom', 'tldraw', '@tldraw/*']
const http = ['hono', '@hono/*', 'ws']
const database = ['drizzle-orm*', 'better-sqlite3', 'pg']
/** What builds storage (`Sqlite*`, `Pg*`, `open*`): the server's, from `@accord/db`'s interfaces. */
const storageDrivers = {
  group: ['@accord/db'],
  importNamePattern: '^(Sqlite|Pg|open)',
  message: 'The application layer uses storage interfaces only: the server builds the stores.',
}
/** Workshop rules, templates and records: pure TypeScript, no I/O, no framework, no storage. */
const notDomain = [
  ...ui,
  ...http,
  ...database,
  'yjs',
  'node:*',
  '@accord/db',
  '@accord/db/*',
  '@accord/sync',
  '@accord/sync/*',
  '@accord/tldraw-yjs',
  '@accord/tldraw-yjs/*',
  '@accord/workshop',
  '@accord/server',
  '@accord/web',
]

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
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { workspaces },
    rules: { 'workspaces/no-relative-import': 'error' },
  },
  // Workshop rules are pure and stand alone.
  ...layer(['packages/facilitation/src/**/*.ts'], [...notDomain, '@accord/*']),
  ...layer(
    ['packages/templates/src/**/*.ts', 'packages/records/src/**/*.ts'],
    [...notDomain, '@accord/api'],
    { testsMay: ['node:*'] },
  ),
  // The web ↔ server contract: zod and the domain's types and rules, no framework, storage or
  // Node built-ins — both apps import it; the domain below it does not know it.
  ...layer(['packages/api/src/**/*.ts'], notDomain),
  ...layer(['packages/sync/src/**/*.ts'], [...ui, ...http, ...database, '@accord/*']),
  ...layer(
    ['packages/db/src/**/*.ts'],
    [...ui, ...http, '@accord/db', '@accord/workshop', '@accord/web', '@accord/server'],
  ),
  ...layer(
    ['packages/tldraw-yjs/src/**/*.ts'],
    ['react', 'react-dom', 'tldraw', ...http, ...database, '@accord/*'],
  ),
  // The application layer (commands, room state, workshops, records, write policy): no
  // framework, sockets or HTTP, no storage driver — only `@accord/db`'s interfaces, the server
  // wires the repositories — and never the apps. Its tests may open SQLite.
  ...layer(
    ['packages/workshop/src/**/*.ts'],
    [
      ...ui,
      ...http,
      ...database,
      'node:http',
      'node:https',
      'node:http2',
      'node:net',
      'node:tls',
      '@accord/server',
      '@accord/web',
      { regex: '(^|/)apps/', message: layerMessage },
      '@accord/db/*',
      storageDrivers,
    ],
    { testsMay: ['@accord/db/*', storageDrivers] },
  ),
  ...layer(['apps/server/src/**/*.ts'], [...ui, '@accord/web']),
  // The browser speaks the sync protocol; rooms, registries and stores are the server's.
  ...layer(
    ['apps/web/src/**/*.{ts,tsx}'],
    [
      ...http,
      ...database,
      '@accord/db',
      '@accord/db/*',
      '@accord/workshop',
      '@accord/server',
      {
        regex: '^@accord/sync(?!/(protocol|close-codes|client-config)$)',
        message:
          'The web app imports only the sync protocol: @accord/sync/protocol, /close-codes, /client-config.',
      },
    ],
  ),
  // One API client: every request goes through `apps/web/src/api/rooms.ts` (credentials, errors
  // as values, the sign-in redirect), never a `fetch` of its own.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/api/**', ...testFiles],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Requests go through apps/web/src/api/ (requestResponse).' },
      ],
    },
  },
  // The benchmark drives every server from outside, through its process and protocol only.
  ...layer(['bench/src/**/*.ts'], [...ui, '@accord/*']),
)
