/**
 * The relay between Accord instances over Redis pub/sub (`REDIS_URL`; README, "Running more than
 * one instance"). One channel per room (`accord:room:<id>`), one connection to publish and one
 * to subscribe, and an instance id in every message so an instance ignores its own.
 *
 * Pub/sub delivers each publisher's messages in order but at most once. That is enough because
 * the database, not Redis, holds the rooms (`@accord/sync`'s `room-relay.ts`): when either
 * connection drops and comes back, every loaded room re-reads itself from storage, and a "gap"
 * message asks the other instances to do the same, for anything published meanwhile.
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import type { Logger, RelaySubscriber, RoomRelay } from '@accord/sync'
import { decodeRelayFrame, encodeRelayFrame, type FramedMessage } from './relay-frame.js'

export interface RedisRelay extends RoomRelay {
  readonly instanceId: string
  close(): Promise<void>
}

const channelOf = (roomId: string): string => `accord:room:${roomId}`

export async function openRedisRelay(url: string, logger: Logger): Promise<RedisRelay> {
  const instanceId = randomUUID()
  const publisher = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  })
  const subscriber = publisher.duplicate()
  const rooms = new Map<string, Set<RelaySubscriber>>()
  const active = new Map<string, Promise<void>>()

  /** After a drop: this instance may have missed messages, and the others its own. */
  const recover = (which: string) => {
    logger.warn('redis connection restored; re-reading loaded rooms from storage', {
      connection: which,
    })
    for (const [roomId, subscribers] of rooms) {
      for (const each of subscribers) each.onGap()
      send(roomId, { kind: 'gap' })
    }
  }
  for (const [which, client] of [
    ['publish', publisher],
    ['subscribe', subscriber],
  ] as const) {
    let lost = false
    client.on('error', (error: Error) => {
      if (!lost) logger.warn('redis connection lost', { connection: which, error: error.message })
      lost = true
    })
    client.on('reconnecting', () => (lost = true))
    client.on('ready', () => {
      if (!lost) return
      lost = false
      recover(which)
    })
  }
  await Promise.all([publisher.connect(), subscriber.connect()])

  const send = (roomId: string, message: FramedMessage) => {
    const frame = encodeRelayFrame({ from: instanceId, message })
    // Queued while the connection is down and sent when it is back (with a gap message after).
    publisher.publish(channelOf(roomId), frame).catch((error: unknown) => {
      logger.warn('redis publish failed', { room: roomId, error: String(error) })
    })
  }

  const onFrame = (roomId: string) => (data: Buffer) => {
    const frame = decodeRelayFrame(data)
    if (frame === null) {
      logger.warn('ignoring a malformed relay message', { room: roomId })
      return
    }
    if (frame.from === instanceId) return
    for (const each of rooms.get(roomId) ?? []) {
      if (frame.message.kind === 'gap') each.onGap()
      else each.onMessage(frame.message)
    }
  }

  return {
    instanceId,
    publish: send,
    async subscribe(roomId, roomSubscriber) {
      let subscribers = rooms.get(roomId)
      if (!subscribers) {
        subscribers = new Set()
        rooms.set(roomId, subscribers)
        active.set(roomId, subscriber.subscribe(channelOf(roomId), onFrame(roomId), true))
      }
      subscribers.add(roomSubscriber)
      // Also when another subscriber of the room started it: active only once Redis confirms.
      await active.get(roomId)
      return () => {
        subscribers.delete(roomSubscriber)
        if (subscribers.size > 0 || rooms.get(roomId) !== subscribers) return
        rooms.delete(roomId)
        active.delete(roomId)
        subscriber.unsubscribe(channelOf(roomId)).catch((error: unknown) => {
          logger.warn('redis unsubscribe failed', { room: roomId, error: String(error) })
        })
      }
    },
    async close() {
      await Promise.allSettled([subscriber.close(), publisher.close()])
    },
  }
}
