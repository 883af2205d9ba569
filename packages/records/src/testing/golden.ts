/// <reference types="node" />
/**
 * Golden files: the renderers' expected output in `packages/records/golden/`, compared byte for
 * byte (a BOM, CRLF line ends and trailing newlines count).
 *
 * After an intended change to a renderer or a fixture, regenerate them and review the diff:
 *
 *     cd packages/records && UPDATE_GOLDEN=1 npx vitest run
 *
 * Prettier leaves the folder alone (`.prettierignore`): the files are output, not source.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'

const folder = new URL('../../golden/', import.meta.url)

export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, folder)
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual)
    return
  }
  let expected: Buffer
  try {
    expected = readFileSync(file)
  } catch {
    throw new Error(`golden/${name} is missing: run with UPDATE_GOLDEN=1 to create it`)
  }
  expect(actual, `golden/${name}`).toBe(expected.toString('utf8'))
  expect(Buffer.from(actual, 'utf8').equals(expected), `golden/${name}, byte for byte`).toBe(true)
}
