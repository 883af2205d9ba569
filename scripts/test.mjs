#!/usr/bin/env node
/**
 * `pnpm test`: everything a change must pass, in one command.
 *
 *   0. system   what the tests need from the machine (Chromium, PostgreSQL, Redis, openssl):
 *               installed with apt-get when missing and allowed (root or passwordless sudo),
 *               else the run stops at once with the command to run (scripts/system-deps.sh)
 *   1. format   prettier --check
 *   2. lint     eslint, zero warnings
 *   3. licenses every production dependency's licence allowed, THIRD-PARTY-NOTICES.md current
 *   4. types    tsc --noEmit in every package (turbo)
 *   5. build    the server and web app the integration and browser tests run against
 *   6. tests    vitest: unit, integration (real server, SQLite, WebSockets) and e2e (Chromium)
 *
 * After the system step, every step runs even if an earlier one failed, so one run shows every
 * problem. The last line is the summary CI reads: `tests: N passed, M failed`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const resultsDir = join(root, 'test-results')
const vitestReport = join(resultsDir, 'vitest.json')
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
}

const steps = [
  ['format', 'prettier', ['--check', '--log-level', 'warn', '.']],
  ['lint', 'eslint', ['--max-warnings', '0', '.']],
  ['licenses', process.execPath, [join(root, 'scripts/licenses.mjs'), 'check']],
  ['types', 'turbo', ['run', 'typecheck', '--output-logs=errors-only']],
  ['build', 'turbo', ['run', 'build', '--output-logs=errors-only']],
  [
    'tests',
    'vitest',
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  ],
]

mkdirSync(resultsDir, { recursive: true })
rmSync(vitestReport, { force: true }) // never report a previous run's figures

process.stdout.write('\n▶ system: scripts/system-deps.sh\n')
const system = spawnSync('bash', [join(root, 'scripts/system-deps.sh')], { env, stdio: 'inherit' })
if (system.status !== 0) finish(['system'], { passed: 0, failed: 1 })

const failedSteps = []
for (const [name, command, args] of steps) {
  process.stdout.write(`\n▶ ${name}: ${command} ${args.join(' ')}\n`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) failedSteps.push(name)
  // Where the run's time goes, for keeping CI under its budget (README: "Testing").
  const seconds = Math.round((Date.now() - started) / 1000)
  process.stdout.write(`${result.status === 0 ? '✓' : '✗'} ${name} (${seconds} s)\n`)
}

// A failed check (format, lint, licences, types, build) counts as one failure, so the summary
// never reads "0 failed" for a run that failed.
const counts = readCounts()
const failedChecks = failedSteps.filter((name) => name !== 'tests').length
finish(failedSteps, { passed: counts.passed, failed: counts.failed + failedChecks })

/** Writes and prints the summary line, and exits: non-zero if any step failed. */
function finish(failed, counts) {
  const summary = `tests: ${counts.passed} passed, ${counts.failed} failed`
  writeFileSync(join(resultsDir, 'summary.txt'), `${summary}\n`)
  if (failed.length > 0) process.stdout.write(`\n✗ failed steps: ${failed.join(', ')}\n`)
  process.stdout.write(`${summary}\n`)
  process.exit(failed.length > 0 ? 1 : 0)
}

function readCounts() {
  try {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
    // A test file that fails to load has no tests in it: count it as one failure.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    ).length
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
    }
  } catch {
    return { passed: 0, failed: 1 }
  }
}
