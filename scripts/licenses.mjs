#!/usr/bin/env node
// @ts-check
/**
 * Accord's third-party licences.
 *
 *   node scripts/licenses.mjs check   fails (exit 1) if a production dependency's licence is not
 *                                     allowed (scripts/licenses/policy.mjs) or if
 *                                     THIRD-PARTY-NOTICES.md is not what `write` would make
 *   node scripts/licenses.mjs write   regenerates THIRD-PARTY-NOTICES.md (`pnpm licenses:notices`)
 *
 * What Accord ships is read from the installed lockfile by pnpm itself: `pnpm licenses list
 * --prod` over the server and the web app and everything they depend on.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderNotices, violations } from './licenses/policy.mjs'

const root = new URL('..', import.meta.url).pathname
const noticesPath = join(root, 'THIRD-PARTY-NOTICES.md')
const tldrawLicensePath = join(root, 'third-party/tldraw-license-3.x.md')
/** The workspace packages that are shipped, with everything they depend on (`...`). */
const shipped = ['@accord/server...', '@accord/web...']

/** Files a package keeps its licence or notices in: LICENSE, LICENCE.md, COPYING, NOTICE… */
const licenseFile = /^(licen[cs]e|copying|notice)([.-].*)?$/i

const [command] = process.argv.slice(2)
if (command !== 'check' && command !== 'write') {
  console.error('usage: node scripts/licenses.mjs check|write')
  process.exit(2)
}

const entries = listShipped().map((pkg) => ({ pkg, texts: licenseTexts(pkg.path) }))
const notices = renderNotices(entries, readFileSync(tldrawLicensePath, 'utf8'))

if (command === 'write') {
  writeFileSync(noticesPath, notices)
  process.stdout.write(`wrote THIRD-PARTY-NOTICES.md: ${entries.length} packages\n`)
  process.exit(0)
}

const problems = violations(entries.map(({ pkg }) => pkg))
for (const problem of problems) console.error(`licence not allowed: ${problem}`)
if (readOrEmpty(noticesPath) !== notices) {
  problems.push('stale notices')
  console.error(
    'THIRD-PARTY-NOTICES.md is out of date with the installed dependencies: run `pnpm licenses:notices` and commit it',
  )
}
if (problems.length > 0) process.exit(1)
process.stdout.write(
  `licences: ${entries.length} production packages, all allowed; notices current\n`,
)

/**
 * @typedef {import('./licenses/policy.mjs').ShippedPackage & { path: string }} InstalledPackage
 * @returns {InstalledPackage[]}
 */
function listShipped() {
  const args = ['licenses', 'list', '--prod', '--json', ...shipped.flatMap((f) => ['--filter', f])]
  const [command, commandArgs] = pnpm(args)
  const output = execFileSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  /** @type {Record<string, { name: string, versions: string[], paths: string[], license: string, homepage?: string, author?: string }[]>} */
  const byLicense = JSON.parse(output)
  /** @type {Map<string, InstalledPackage>} */
  const packages = new Map()
  for (const group of Object.values(byLicense)) {
    for (const item of group) {
      item.versions.forEach((version, i) => {
        const path = item.paths[i] ?? item.paths[0] ?? ''
        packages.set(`${item.name}@${version}`, {
          name: item.name,
          version,
          // pnpm reads a "SEE LICENSE IN <file>" package's file (tldraw's state, utils and
          // validate ship MIT there); what it cannot read it calls "Unknown".
          license:
            item.license === 'Unknown' ? (declaredLicense(path) ?? item.license) : item.license,
          path,
        })
      })
    }
  }
  return [...packages.values()]
}

/**
 * The pnpm running this script (`pnpm test`, `npx pnpm@… test`), else the one on the PATH.
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
function pnpm(args) {
  const script = process.env.npm_execpath
  if (script && /pnpm[^/]*\.c?js$/.test(script)) return [process.execPath, [script, ...args]]
  return ['pnpm', args]
}

/**
 * The licence a package's own package.json declares: for one pnpm could not read, the words
 * themselves ("SEE LICENSE IN LICENSE.md") say whose licence it is.
 * @param {string} dir
 * @returns {string | null}
 */
function declaredLicense(dir) {
  try {
    const { license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    return typeof license === 'string' && license !== '' ? license : null
  } catch {
    return null
  }
}

/** @param {string} dir */
function licenseTexts(dir) {
  /** @type {string[]} */
  let names
  try {
    names = readdirSync(dir).filter((name) => licenseFile.test(name))
  } catch {
    return []
  }
  return names.sort().map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
}

/** @param {string} path */
function readOrEmpty(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
