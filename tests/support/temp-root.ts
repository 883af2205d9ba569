/**
 * Global setup of the projects that start servers: one folder for the run's throwaway
 * directories (see `tempDir`), removed with everything in it once every test file has finished.
 */
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { makeTempRoot } from './temp-dir.js'

export default function setup(project: TestProject): () => void {
  const root = makeTempRoot()
  project.provide('testTempRoot', root)
  return () => rmSync(root, { recursive: true, force: true })
}
