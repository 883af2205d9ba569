/**
 * What the template panels' forms have in common, without React: a form's outcome (a room command,
 * or what to fix first) and sending it.
 */
import type { RoomCommand } from '../facilitation/use-room-command'

/** Sends a room command; resolves true when it was sent and accepted. */
export type Send = (command: RoomCommand) => Promise<boolean>

/** A form's outcome: the command to send, or what to fix first. */
export type FormOutcome =
  | { readonly ok: true; readonly command: RoomCommand }
  | { readonly ok: false; readonly error: string }

/** Sends a form's command, or says what to fix; resolves true when it was sent and accepted. */
export async function submitForm(
  outcome: FormOutcome,
  send: Send,
  setError: (error: string | null) => void,
): Promise<boolean> {
  if (!outcome.ok) {
    setError(outcome.error)
    return false
  }
  setError(null)
  return send(outcome.command)
}
