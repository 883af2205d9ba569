import { CloseCode } from '@accord/sync/close-codes'

/**
 * Whether the board's provider should reconnect after the server closed with `code`. The stock
 * rule stops at any 44xx close. Too many messages (4429) and too much unsent (4413, a network too
 * slow for what the board sends) are bounds for now, not verdicts: retry after the back-off, and
 * the resync brings the board up to date. Room gone, link revoked, malformed frames or a board
 * this app cannot open stay final.
 */
export function shouldReconnect(code: number): boolean {
  if (code === CloseCode.TooManyMessages || code === CloseCode.SlowConsumer) return true
  return code < 4400 || code >= 4500
}

/** The closes that are a bound of the server rather than a verdict: say why while retrying. */
export function isServerBound(code: number): boolean {
  return (
    code === CloseCode.TooManyConnections ||
    code === CloseCode.TooManyMessages ||
    code === CloseCode.SlowConsumer
  )
}
