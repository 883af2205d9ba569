/**
 * Transactions written once for both dialects, as generators of steps.
 *
 * better-sqlite3 runs a transaction synchronously: nothing else on the connection (the document
 * store, another request) can run between two of its statements, and that is what keeps SQLite's
 * transactions atomic. An `async` body would give the event loop a turn at every `await`, inside
 * the open transaction. So a transaction body is a generator: each statement is a step it
 * yields (`yield* rows(…)`), and each dialect answers the steps its own way — SQLite at once,
 * inside its synchronous transaction; PostgreSQL by awaiting each statement inside its own.
 */
import type { Build } from './query-builder.js'

/**
 * An advisory lock, held until the transaction ends: `key` alone, or one lock per `name` under
 * `key` (e.g. one per vote). Shared holders exclude only the exclusive one. Every process taking
 * the same lock takes turns; where writes already take turns (SQLite), it costs nothing.
 */
export interface AdvisoryLock {
  readonly key: number
  readonly name?: string
  readonly shared?: boolean
}

/** One thing a transaction asks of the database. */
export type Step =
  | { readonly kind: 'rows'; readonly build: Build<unknown[]> }
  | { readonly kind: 'run'; readonly build: Build<unknown> }
  | { readonly kind: 'lock'; readonly lock: AdvisoryLock }

/** A transaction's body (or a part of one), ending with a `T`. */
export type Steps<T> = Generator<Step, T, unknown>

/** Runs a statement and gives its rows. */
export function* rows<R>(build: Build<R[]>): Steps<R[]> {
  // A generator is given back one type for every yield; a rows step is answered with its rows.
  return (yield { kind: 'rows', build }) as R[]
}

/** Runs a statement that returns no rows, and gives how many rows it changed. */
export function* run(build: Build<unknown>): Steps<number> {
  // As in `rows`: a run step is answered with the number of rows changed.
  return (yield { kind: 'run', build }) as number
}

/** Takes an advisory lock, held until the transaction ends. */
export function* lock(lock: AdvisoryLock): Steps<void> {
  yield { kind: 'lock', lock }
}

/** Answers every step at once (SQLite): the whole body runs before this returns. */
export function runNow<T>(steps: Steps<T>, answer: (step: Step) => unknown): T {
  let next = steps.next()
  while (!next.done) {
    let answered: unknown
    try {
      answered = answer(next.value)
    } catch (error) {
      next = steps.throw(error)
      continue
    }
    next = steps.next(answered)
  }
  return next.value
}

/** Answers each step once its statement has run (PostgreSQL). */
export async function runAwaiting<T>(
  steps: Steps<T>,
  answer: (step: Step) => Promise<unknown>,
): Promise<T> {
  let next = steps.next()
  while (!next.done) {
    let answered: unknown
    try {
      answered = await answer(next.value)
    } catch (error) {
      next = steps.throw(error)
      continue
    }
    next = steps.next(answered)
  }
  return next.value
}
