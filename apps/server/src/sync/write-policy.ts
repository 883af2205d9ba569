import { err, ok, type Result } from '@accord/facilitation'
import type { RootWrite } from '@accord/sync'

/** Roots of a room document that only the server writes (room state, and more to come). */
export const SERVER_OWNED_PREFIX = 'accord:'

/**
 * What a writer's connection may change in a room's document. Server-owned roots change only
 * through commands; everything else is the shared board.
 */
export function checkBoardWrites(writes: readonly RootWrite[]): Result<void> {
  for (const write of writes) {
    if (write.root.startsWith(SERVER_OWNED_PREFIX)) {
      return err(`${write.root} is server-owned: it changes through commands only`)
    }
  }
  return ok(undefined)
}
