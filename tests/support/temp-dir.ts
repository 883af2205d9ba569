/**
 * Throwaway directories for the tests' servers and certificates, all inside one folder per test
 * run (`temp-root.ts`, the projects' global setup) that is removed when the run ends — not when a
 * server stops, since a test may restart a server on the same directory after stopping it.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder `temp-root.ts` made for this run's throwaway directories. */
    testTempRoot: string
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(inject('testTempRoot'), prefix))
}

/** The run's folder, as made by the global setup (exported for it; tests call `tempDir`). */
export function makeTempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'accord-tests-'))
}
