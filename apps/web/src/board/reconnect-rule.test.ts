import { CloseCode } from '@accord/sync/close-codes'
import { describe, expect, it } from 'vitest'
import { isServerBound, shouldReconnect } from './reconnect-rule'

describe('shouldReconnect', () => {
  it('retries after a bound of the server: too many messages, too much unsent, too many connections', () => {
    for (const code of [
      CloseCode.TooManyMessages,
      CloseCode.SlowConsumer,
      CloseCode.TooManyConnections,
      CloseCode.GoingAway,
      CloseCode.InternalError,
      1006,
    ]) {
      expect(shouldReconnect(code)).toBe(true)
    }
    expect(isServerBound(CloseCode.SlowConsumer)).toBe(true)
  })

  it('stops when retrying cannot help', () => {
    for (const code of [
      CloseCode.MalformedMessage,
      CloseCode.Unauthorized,
      CloseCode.RoomNotFound,
      CloseCode.IncompatibleDocument,
    ]) {
      expect(shouldReconnect(code)).toBe(false)
      expect(isServerBound(code)).toBe(false)
    }
  })
})
