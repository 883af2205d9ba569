import type { RelayMessage, RelaySubscriber, RoomRelay } from './room-relay.js'

interface Subscription {
  readonly endpoint: MemoryRelayEndpoint
  readonly subscriber: RelaySubscriber
}

export interface MemoryRoomRelayOptions {
  /**
   * How long after an endpoint `crash`es the others are told it is gone, standing in for a
   * network relay's liveness timeout. 0 when omitted.
   */
  readonly goneAfterMs?: number
}

/**
 * An in-process relay: one hub, one endpoint per simulated instance. Delivery is asynchronous
 * (a microtask) and in publishing order, like a network would be.
 */
export class MemoryRoomRelay {
  private readonly rooms = new Map<string, Set<Subscription>>()
  private readonly goneAfterMs: number
  private endpoints = 0

  constructor(options: MemoryRoomRelayOptions = {}) {
    this.goneAfterMs = options.goneAfterMs ?? 0
  }

  /** A relay for one more instance. */
  endpoint(): MemoryRelayEndpoint {
    return new MemoryRelayEndpoint(this, `memory-${++this.endpoints}`)
  }

  /** @internal */
  deliver(from: MemoryRelayEndpoint, roomId: string, message: RelayMessage): void {
    for (const subscription of this.rooms.get(roomId) ?? []) {
      if (subscription.endpoint === from || !subscription.endpoint.connected) continue
      queueMicrotask(() => {
        if (this.rooms.get(roomId)?.has(subscription)) {
          subscription.subscriber.onMessage(message, from.instanceId)
        }
      })
    }
  }

  /** @internal */
  add(roomId: string, subscription: Subscription): () => void {
    let set = this.rooms.get(roomId)
    if (!set) this.rooms.set(roomId, (set = new Set()))
    set.add(subscription)
    return () => {
      set.delete(subscription)
      if (set.size === 0 && this.rooms.get(roomId) === set) this.rooms.delete(roomId)
    }
  }

  /** @internal Every subscriber of each room `endpoint` subscribes to. */
  sharingRoomsWith(endpoint: MemoryRelayEndpoint): Subscription[] {
    return [...this.rooms.values()].flatMap((set) =>
      [...set].some((subscription) => subscription.endpoint === endpoint) ? [...set] : [],
    )
  }

  /** @internal Tells every subscriber of the other connected endpoints that `dead` is gone. */
  reportGone(dead: MemoryRelayEndpoint): void {
    setTimeout(() => {
      for (const set of this.rooms.values()) {
        for (const { endpoint, subscriber } of [...set]) {
          if (endpoint !== dead && endpoint.connected) subscriber.onInstanceGone(dead.instanceId)
        }
      }
    }, this.goneAfterMs)
  }
}

export class MemoryRelayEndpoint implements RoomRelay {
  /** While false, this endpoint neither sends nor receives (a dropped connection). */
  connected = true
  private dead = false

  constructor(
    private readonly hub: MemoryRoomRelay,
    readonly instanceId: string,
  ) {}

  publish(roomId: string, message: RelayMessage): void {
    if (this.connected) this.hub.deliver(this, roomId, message)
  }

  subscribe(roomId: string, subscriber: RelaySubscriber): Promise<() => void> {
    return Promise.resolve(this.hub.add(roomId, { endpoint: this, subscriber }))
  }

  /** Simulates the connection dropping: messages are missed until `reconnect`. */
  disconnect(): void {
    this.connected = false
  }

  /**
   * Simulates the connection coming back: this endpoint may have missed messages, and the others
   * may have missed what it published meanwhile, so every subscriber of its rooms is told.
   */
  reconnect(): void {
    if (this.dead) return
    this.connected = true
    for (const { subscriber } of this.hub.sharingRoomsWith(this)) subscriber.onGap()
  }

  /**
   * Simulates the instance dying without a word (kill -9): it neither sends nor receives any
   * more, and after the hub's `goneAfterMs` the others are told it is gone.
   */
  crash(): void {
    if (this.dead) return
    this.dead = true
    this.connected = false
    this.hub.reportGone(this)
  }
}
