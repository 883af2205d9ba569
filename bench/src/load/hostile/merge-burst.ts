/**
 * Merge cost (issue 15, finding 4): many participants, each sending a burst of tiny edits at once
 * — within the rate limit, whose burst allows this many — so that the room's relay has a very large
 * batch of updates to merge. Every edit is a valid note record moved a little (`note-mover.ts`);
 * the frames are built before the window and each connection writes its burst in one go.
 */
import type { Target } from '../job.js'
import { encodeFrame } from '../tcp-websocket.js'
import { prng } from '../wait.js'
import { type Attack, type AttackSpec, dropAll, openAttackers } from './attack.js'
import { NoteMover } from './note-mover.js'

const OPCODE_BINARY = 0x2

export async function prepareMergeBurst(
  spec: Extract<AttackSpec, { kind: 'merge-burst' }>,
  target: Target,
  seed: number,
): Promise<Attack> {
  const random = prng(seed + 3)
  const bursts = Array.from({ length: spec.connections }, (_, slot) => {
    const mover = new NoteMover(slot, 1 + Math.floor(random() * 0x7ffffffe))
    const frames = Array.from({ length: spec.editsEach }, () =>
      encodeFrame(OPCODE_BINARY, mover.next()),
    )
    mover.destroy()
    return Buffer.concat(frames)
  })
  const sockets = await openAttackers(target.url, spec.connections, { read: true })
  let sent = 0
  return {
    get sent() {
      return sent
    },
    start: () => {
      sockets.forEach((socket, index) => {
        if (socket.write(bursts[index] as Buffer)) sent += spec.editsEach
      })
    },
    stop: () => {},
    close: () => dropAll(sockets),
  }
}
