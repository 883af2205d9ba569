/**
 * One contract suite for every `RoomRelay` implementation (in-memory, Redis): what a room may rely
 * on (`room-relay.ts`; SPEC.md RL1–RL7). Each implementation's test file calls
 * `describeRoomRelayContract` with a factory of relays joined to one another.
 *
 * Waits are for conditions, never for a fixed time — except to show that something does *not*
 * happen, where the suite waits for a later message that would have come after it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RelayMessage, RelaySubscriber, RoomRelay } from '../room-relay.js'

export interface RelayUnderTest<R extends RoomRelay = RoomRelay> {
  /** A relay for one more instance, joined to every other one this subject made. */
  instance(): Promise<R>
  /** The instance's connection drops and comes back: it may miss messages meanwhile. */
  interrupt(relay: R): Promise<void>
  /** The instance dies without a word (kill -9): nothing more is sent or received through it. */
  crash(relay: R): Promise<void>
  /** How long after a `crash` the other instances may take to be told (with room to spare). */
  readonly goneWithinMs: number
  close(): Promise<void>
}

/** Everything a subscriber was told, in order. */
class Recorder implements RelaySubscriber {
  readonly messages: { readonly message: RelayMessage; readonly from: string }[] = []
  readonly gone: string[] = []
  gaps = 0

  onMessage(message: RelayMessage, from: string): void {
    this.messages.push({ message, from })
  }

  onGap(): void {
    this.gaps++
  }

  onInstanceGone(instance: string): void {
    this.gone.push(instance)
  }

  /** The first payload byte of each update received: the tests number their messages so. */
  get numbers(): number[] {
    return this.messages.flatMap(({ message }) => (message.kind === 'update' ? [tag(message)] : []))
  }
}

/** An update message numbered `n` (0–65535), recognisable in `Recorder.numbers`. */
const numbered = (n: number): RelayMessage => ({
  kind: 'update',
  update: Uint8Array.of(n & 0xff, n >> 8),
  claims: [],
})
const tag = (message: Extract<RelayMessage, { kind: 'update' }>): number =>
  message.update[0]! | (message.update[1]! << 8)

export function describeRoomRelayContract<R extends RoomRelay>(
  name: string,
  open: () => Promise<RelayUnderTest<R>>,
): void {
  // Waits below are up to 10 s (a network relay on a loaded machine), beyond the default 5 s.
  describe(`RoomRelay contract: ${name}`, { timeout: 30_000 }, () => {
    let subject: RelayUnderTest<R>
    beforeEach(async () => {
      subject = await open()
    })
    afterEach(() => subject.close())

    const until = (condition: () => void, timeout = 10_000) =>
      vi.waitFor(condition, { timeout, interval: 10 })

    async function subscribed(relay: R, roomId: string): Promise<Recorder> {
      const recorder = new Recorder()
      await relay.subscribe(roomId, recorder)
      return recorder
    }

    it('[sync:RL1] delivers each message intact to the room’s subscribers on every other instance, naming its publisher', async () => {
      const [a, b, c] = [
        await subject.instance(),
        await subject.instance(),
        await subject.instance(),
      ]
      expect(new Set([a.instanceId, b.instanceId, c.instanceId]).size).toBe(3)
      const onB = await subscribed(b, 'room')
      const onC = await subscribed(c, 'room')
      const sent: RelayMessage[] = [
        {
          kind: 'update',
          update: Uint8Array.of(1, 2, 3),
          claims: [
            [42, 'ada'],
            [7, '✓ bo'],
          ],
        },
        { kind: 'awareness', update: Uint8Array.of(0, 255, 9) },
        { kind: 'compacted', snapshotBytes: 123_456 },
        { kind: 'update', update: new Uint8Array(64 * 1024).fill(7), claims: [] },
      ]
      for (const message of sent) a.publish('room', message)
      await until(() => {
        expect(onB.messages).toHaveLength(sent.length)
        expect(onC.messages).toHaveLength(sent.length)
      })
      const expected = sent.map((message) => ({ message, from: a.instanceId }))
      expect(onB.messages).toEqual(expected)
      expect(onC.messages).toEqual(expected)
    })

    it('[sync:RL2] keeps the order in which one instance published to a room', async () => {
      const [a, b] = [await subject.instance(), await subject.instance()]
      const onB = await subscribed(b, 'room')
      const count = 300
      for (let n = 0; n < count; n++) a.publish('room', numbered(n))
      await until(() => expect(onB.messages).toHaveLength(count))
      expect(onB.numbers).toEqual([...Array(count).keys()])
    })

    it('[sync:RL3] never delivers an instance’s messages to its own subscribers', async () => {
      const [a, b] = [await subject.instance(), await subject.instance()]
      const onA = [await subscribed(a, 'room'), await subscribed(a, 'room')]
      const onB = await subscribed(b, 'room')
      a.publish('room', numbered(1))
      await until(() => expect(onB.numbers).toEqual([1]))
      // Published after A's own message arrived anywhere: A hears B's, and nothing before it.
      b.publish('room', numbered(2))
      await until(() => {
        for (const each of onA) expect(each.numbers).toEqual([2])
      })
      expect(onB.numbers).toEqual([1])
    })

    it('[sync:RL4] keeps rooms apart', async () => {
      const [a, b] = [await subject.instance(), await subject.instance()]
      const one = await subscribed(b, 'one')
      const two = await subscribed(b, 'two')
      a.publish('one', numbered(1))
      a.publish('two', numbered(2))
      a.publish('three', numbered(3))
      a.publish('one', numbered(4))
      await until(() => {
        expect(one.numbers).toEqual([1, 4])
        expect(two.numbers).toEqual([2])
      })
    })

    it('[sync:RL5] each subscriber of a room gets every message; unsubscribing ends it for that one only', async () => {
      const [a, b] = [await subject.instance(), await subject.instance()]
      const first = new Recorder()
      const second = new Recorder()
      const endFirst = await b.subscribe('room', first)
      const endSecond = await b.subscribe('room', second)
      a.publish('room', numbered(1))
      await until(() => {
        expect(first.numbers).toEqual([1])
        expect(second.numbers).toEqual([1])
      })
      endFirst()
      a.publish('room', numbered(2))
      await until(() => expect(second.numbers).toEqual([1, 2]))
      expect(first.numbers).toEqual([1])

      // The room's last subscriber leaves and a new one comes: active again once subscribed.
      endSecond()
      const again = await subscribed(b, 'room')
      a.publish('room', numbered(3))
      await until(() => expect(again.numbers).toEqual([3]))
      expect(second.numbers).toEqual([1, 2])
    })

    it('[sync:RL6] a dropped connection is reported as a gap, on that instance and on the others sharing its rooms; delivery resumes', async () => {
      const [a, b] = [await subject.instance(), await subject.instance()]
      const onA = await subscribed(a, 'room')
      const onB = await subscribed(b, 'room')
      await subject.interrupt(a)
      await until(() => {
        expect(onA.gaps).toBeGreaterThan(0)
        expect(onB.gaps).toBeGreaterThan(0)
      })
      // Delivery resumes both ways (a message published while the connection was still coming
      // back may be lost: that is what the gap is for).
      let n = 0
      await until(() => {
        a.publish('room', numbered(n++))
        b.publish('room', numbered(n++))
        expect(onA.numbers.length).toBeGreaterThan(0)
        expect(onB.numbers.length).toBeGreaterThan(0)
      })
    })

    it('[sync:RL7] an instance that dies is reported gone to the subscribers on the others; a live one never is', async () => {
      const [a, b, c] = [
        await subject.instance(),
        await subject.instance(),
        await subject.instance(),
      ]
      const onA = await subscribed(a, 'room')
      const onB = await subscribed(b, 'room')
      const onC = await subscribed(c, 'room')
      const elsewhere = await subscribed(c, 'elsewhere')
      // Each is heard from before A dies.
      a.publish('room', numbered(1))
      b.publish('room', numbered(2))
      c.publish('room', numbered(3))
      await until(() => {
        expect(onA.numbers.sort()).toEqual([2, 3])
        expect(onB.numbers.sort()).toEqual([1, 3])
        expect(onC.numbers.sort()).toEqual([1, 2])
      })
      await subject.crash(a)
      await until(() => {
        expect(onB.gone).toContain(a.instanceId)
        expect(onC.gone).toContain(a.instanceId)
        expect(elsewhere.gone).toContain(a.instanceId)
      }, subject.goneWithinMs)
      // B and C, alive but silent since, are still alive after as long again.
      await new Promise((resolve) => setTimeout(resolve, subject.goneWithinMs))
      const gone = new Set([...onB.gone, ...onC.gone, ...elsewhere.gone])
      expect(gone).toEqual(new Set([a.instanceId]))
    })
  })
}
