#!/usr/bin/env node
// @ts-check
/**
 * Rule ids: every package with rules has a `SPEC.md` that defines them (`- **fac:V2** …`), and
 * tests (and doc comments) cite them in brackets (`[fac:V2]`, several as `[sync:X7][sync:B2]`).
 * This module finds what the SPECs define and what the code cites, and says what is wrong:
 *
 *   undefined     a citation of an id no SPEC defines
 *   duplicate     an id defined twice (in one SPEC or in two)
 *   unprefixed    a citation or a definition in the old form (`[V2]`, `- **V2**`)
 *   misplaced     an id defined in a SPEC other than its prefix's package (`fac:` outside
 *                 packages/facilitation/SPEC.md)
 *
 * `scripts/spec-ids.test.mjs` runs it on the repository; `node scripts/spec-ids.mjs` prints the
 * same report (and the ids no test cites, for information).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Each prefix and the workspace whose SPEC.md defines its ids. */
export const PREFIXES = /** @type {const} */ ({
  sync: 'packages/sync',
  srv: 'apps/server',
  fac: 'packages/facilitation',
  tpl: 'packages/templates',
  rec: 'packages/records',
  tly: 'packages/tldraw-yjs',
  web: 'apps/web',
  db: 'packages/db',
  wsp: 'packages/workshop',
})

/** An id without its prefix: a family of one to three capitals, then a number (`V2`, `RL7`). */
const BARE = '[A-Z]{1,3}[0-9]+[a-z]?'
const PREFIXED = `[a-z][a-z-]*:${BARE}`
const DEFINITION = new RegExp(`^[ \\t]*[-*] \\*\\*(${PREFIXED}|${BARE})\\*\\*`, 'gm')
const CITATION = new RegExp(`\\[(${PREFIXED})\\]`, 'g')
const OLD_CITATION = new RegExp(`\\[(${BARE})\\]`, 'g')

/** Where in the repository rules are cited, and which files are looked at. */
export const CITING_ROOTS = ['apps', 'packages', 'tests', 'bench']
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'test-results', 'artifacts'])

/**
 * @typedef {{ readonly path: string, readonly text: string }} TextFile
 * @typedef {{ readonly id: string, readonly path: string, readonly line: number }} Place
 * @typedef {{
 *   undefined: Place[], duplicate: Place[], unprefixed: Place[], misplaced: Place[],
 *   defined: Map<string, Place>, cited: Map<string, Place[]>
 * }} Report
 */

/** @param {string} text @param {number} index */
const lineAt = (text, index) => text.slice(0, index).split('\n').length

/**
 * @param {string} text
 * @param {RegExp} pattern
 * @param {string} path
 * @returns {Place[]}
 */
function matches(text, pattern, path) {
  return [...text.matchAll(pattern)].map((match) => ({
    id: /** @type {string} */ (match[1]),
    path,
    line: lineAt(text, match.index),
  }))
}

/** The ids a SPEC defines, in order (prefixed or not). @param {TextFile} spec */
export const definitionsIn = (spec) => matches(spec.text, DEFINITION, spec.path)

/** The prefixed ids a file cites, in order. @param {TextFile} file */
export const citationsIn = (file) => matches(file.text, CITATION, file.path)

/** The citations in the old form, without a prefix. @param {TextFile} file */
export const oldCitationsIn = (file) => matches(file.text, OLD_CITATION, file.path)

/** @param {string} id */
const prefixOf = (id) => (id.includes(':') ? id.slice(0, id.indexOf(':')) : null)

/** The workspace whose SPEC.md defines a prefix's ids, if any. @param {string} prefix */
const ownerOf = (prefix) => /** @type {Record<string, string | undefined>} */ (PREFIXES)[prefix]

/** The workspace a SPEC.md belongs to (`packages/sync/SPEC.md` → `packages/sync`). @param {string} path */
const workspaceOfSpec = (path) => path.split('/').slice(0, -1).join('/')

/**
 * Checks every citation against every definition.
 * @param {{ specs: readonly TextFile[], sources: readonly TextFile[] }} tree
 * @returns {Report}
 */
export function checkIds({ specs, sources }) {
  /** @type {Report} */
  const report = {
    undefined: [],
    duplicate: [],
    unprefixed: [],
    misplaced: [],
    defined: new Map(),
    cited: new Map(),
  }
  for (const spec of specs) {
    for (const place of definitionsIn(spec)) {
      const prefix = prefixOf(place.id)
      if (prefix === null) {
        report.unprefixed.push(place)
        continue
      }
      const first = report.defined.get(place.id)
      if (first) report.duplicate.push(place)
      else report.defined.set(place.id, place)
      if (ownerOf(prefix) !== workspaceOfSpec(spec.path)) report.misplaced.push(place)
    }
  }
  for (const source of sources) {
    for (const place of citationsIn(source)) {
      report.cited.set(place.id, [...(report.cited.get(place.id) ?? []), place])
      if (!report.defined.has(place.id)) report.undefined.push(place)
    }
    report.unprefixed.push(...oldCitationsIn(source))
  }
  return report
}

/** One line per problem, `path:line id: what`, empty when there is none. @param {Report} report */
export function problems(report) {
  /** @param {Place} place @param {string} what */
  const line = (place, what) => `${place.path}:${place.line} ${place.id}: ${what}`
  return [
    ...report.undefined.map((place) => line(place, 'cited, but no SPEC.md defines it')),
    ...report.duplicate.map((place) => {
      const first = /** @type {Place} */ (report.defined.get(place.id))
      return line(place, `defined again (first in ${first.path}:${first.line})`)
    }),
    ...report.unprefixed.map((place) =>
      line(
        place,
        `has no prefix: write [<prefix>:${place.id}], the prefix one of ${Object.keys(PREFIXES).join(', ')}`,
      ),
    ),
    ...report.misplaced.map((place) => {
      const owner = ownerOf(prefixOf(place.id) ?? '')
      return line(place, owner ? `belongs in ${owner}/SPEC.md` : 'has a prefix no workspace owns')
    }),
  ]
}

/** Ids a SPEC defines that nothing cites (for information: not every rule has a test of its own). */
export const uncited = (/** @type {Report} */ report) =>
  [...report.defined.keys()].filter((id) => !report.cited.has(id))

/**
 * Files under `dir` (relative to `root`, `/`-separated), skipping dependencies and build output.
 * @param {string} root @param {string} dir @param {(name: string) => boolean} wanted
 * @returns {string[]}
 */
function walk(root, dir, wanted) {
  /** @type {string[]} */
  const found = []
  let entries
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true })
  } catch {
    return found
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`
    if (entry.isDirectory()) found.push(...walk(root, path, wanted))
    else if (entry.isFile() && wanted(entry.name)) found.push(path)
  }
  return found
}

/**
 * Every `SPEC.md` in the repository, and every source file under `CITING_ROOTS`.
 * @param {string} root
 * @returns {{ specs: TextFile[], sources: TextFile[] }}
 */
export function readTree(root) {
  /** @param {string} path */
  const read = (path) => ({ path, text: readFileSync(join(root, path), 'utf8') })
  return {
    specs: walk(root, '', (name) => name === 'SPEC.md').map(read),
    sources: CITING_ROOTS.flatMap((dir) => walk(root, dir, (name) => SOURCE.test(name))).map(read),
  }
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const report = checkIds(readTree(repoRoot))
  const found = problems(report)
  const perSpec = new Map()
  for (const place of report.defined.values())
    perSpec.set(place.path, (perSpec.get(place.path) ?? 0) + 1)
  const lines = [...perSpec]
    .sort()
    .map(([path, count]) => `${path}: ${count} id${count === 1 ? '' : 's'}`)
  const notCited = uncited(report)
  if (notCited.length > 0) lines.push(`defined, cited nowhere: ${notCited.join(' ')}`)
  lines.push(...found, `${found.length} problem${found.length === 1 ? '' : 's'}`)
  process.stdout.write(`${lines.join('\n')}\n`)
  process.exitCode = found.length === 0 ? 0 : 1
}
