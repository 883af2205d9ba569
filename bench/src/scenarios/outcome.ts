import type { ServerKind } from '../load/job.js'

/** What one scenario gave on one server: its result, or why there is none. */
export interface Outcome<Spec, Result> {
  readonly spec: Spec
  readonly server: ServerKind
  readonly result: Result | null
  /** Why the run has no result (the server did not start, clients were refused…). */
  readonly error: string | null
}
