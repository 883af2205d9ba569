/**
 * The relay between Accord instances over Redis pub/sub (`REDIS_URL`; README, "Running more than
 * one instance"). One channel per room (`accord:room:<id>`), one connection to publish and one
 * to subscribe, and an instance id in every message so an instance ignores its own.
 *
 * Pub/sub delivers each publisher's messages in order but at most once. That is enough because
 * the database, not Redis, holds the rooms (`@accord/sync`'s `room-relay.ts`): when either
 * connection drops and comes back, every loaded room re-reads itself from storage, and a "gap"
 * message asks the other instances to do the same, for anything published meanwhile.
 *
 * Every instance also sends a heartbeat on `accord:instances`; one not heard from for a few
 * heartbeats — counted as this instance's own come back on that channel, not by the clock (see
 * `InstanceLiveness`) — is reported gone to every room, which drops the presence it relayed (X6).
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import type { Logger, RelaySubscriber, RoomRelay } from '@accord/sync'
import { InstanceLiveness } from './instance-liveness.js'
import { decodeRelayFrame, encodeRelayFrame, type FramedMessage } from './relay-frame.js'

export interface RedisRelayOptions {
  /** How often this instance tells the others it is alive (`ACCORD_RELAY_HEARTBEAT_MS`). */
  readonly heartbeatMs: number
}

export interface RedisRelay extends RoomRelay {
  /** Both connections to Redis are up (`/readyz` answers 503 otherwise). */
  readonly ready: boolean
  close(): Promise<void>
}

const channelOf = (roomId: string): string => `accord:room:${roomId}`
/** Where instances send their heartbeats. */
const INSTANCES = 'accord:instances'

export async function openRedisRelay(
  url: string,
  logger: Logger,
  options: RedisRelayOptions,
): Promise<RedisRelay> {
  const instanceId = randomUUID()
  const publisher = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  })
  const subscriber = publisher.duplicate()
  const rooms = new Map<string, Set<RelaySubscriber>>()
  const active = new Map<string, Promise<void>>()
  /** Unsubscribes still in flight: a room subscribed again meanwhile waits for its own. */
  const leaving = new Map<string, Promise<void>>()
  const liveness = new InstanceLiveness()

  /** After a drop: this instance may have missed messages, and the others its own. */
  const recover = (which: string) => {
    logger.warn('redis connection restored; re-reading loaded rooms from storage', {
      connection: which,
    })
    for (const [roomId, subscribers] of rooms) {
      for (const each of subscribers) each.onGap()
      send(channelOf(roomId), { kind: 'gap' })
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

  const send = (channel: string, message: FramedMessage) => {
    const frame = encodeRelayFrame({ from: instanceId, message })
    // Queued while the connection is down and sent when it is back (with a gap message after).
    publisher.publish(channel, frame).catch((error: unknown) => {
      logger.warn('redis publish failed', { channel, error: String(error) })
    })
  }

  const onFrame = (roomId: string) => (data: Buffer) => {
    const frame = decodeRelayFrame(data)
    if (frame === null) {
      logger.warn('ignoring a malformed relay message', { room: roomId })
      return
    }
    if (frame.from === instanceId) return
    liveness.heard(frame.from)
    const { message } = frame
    if (message.kind === 'heartbeat') return
    for (const each of rooms.get(roomId) ?? []) {
      if (message.kind === 'gap') each.onGap()
      else each.onMessage(message, frame.from)
    }
  }

  await subscriber.subscribe(
    INSTANCES,
    (data: Buffer) => {
      const frame = decodeRelayFrame(data)
      if (frame === null) return
      if (frame.from !== instanceId) return liveness.heard(frame.from)
      // Its own heartbeat, back through Redis: a heartbeat has passed for everyone it hears.
      liveness.heardSelf()
      for (const instance of liveness.takeSilent()) {
        logger.info('instance went silent; dropping the presence it relayed', { instance })
        for (const subscribers of rooms.values()) {
          for (const each of subscribers) each.onInstanceGone(instance)
        }
      }
    },
    true,
  )
  const beat = () => {
    // Not queued while the connection is down: a late heartbeat would only mislead.
    if (publisher.isReady) send(INSTANCES, { kind: 'heartbeat' })
  }
  beat()
  const heartbeat = setInterval(beat, options.heartbeatMs)
  heartbeat.unref()

  return {
    instanceId,
    get ready() {
      return publisher.isReady && subscriber.isReady
    },
    publish: (roomId, message) => send(channelOf(roomId), message),
    async subscribe(roomId, roomSubscriber) {
      let subscribers = rooms.get(roomId)
      if (!subscribers) {
        subscribers = new Set()
        rooms.set(roomId, subscribers)
        // Subscribing while the channel's unsubscribe is in flight would be undone by it: the
        // client drops the channel's listeners when Redis confirms the unsubscribe.
        const after = leaving.get(roomId) ?? Promise.resolve()
        active.set(
          roomId,
          after.then(() => subscriber.subscribe(channelOf(roomId), onFrame(roomId), true)),
        )
      }
      subscribers.add(roomSubscriber)
      // Also when another subscriber of the room started it: active only once Redis confirms.
      await active.get(roomId)
      return () => {
        subscribers.delete(roomSubscriber)
        if (subscribers.size > 0 || rooms.get(roomId) !== subscribers) return
        rooms.delete(roomId)
        active.delete(roomId)
        const done = subscriber.unsubscribe(channelOf(roomId)).catch((error: unknown) => {
          logger.warn('redis unsubscribe failed', { room: roomId, error: String(error) })
        })
        leaving.set(roomId, done)
        void done.then(() => {
          if (leaving.get(roomId) === done) leaving.delete(roomId)
        })
      }
    },
    async close() {
      clearInterval(heartbeat)
      await Promise.allSettled([subscriber.close(), publisher.close()])
    },
  }
}
