import type { AccessRepository, RoomRepository, WorkshopRepository } from '@accord/db'
import type { RoomRegistry } from '@accord/sync'
import type { BoardWriter } from '../room-state/board-writer.js'
import type { RoomStates } from '../room-state/room-states.js'

/** What workshop code reads and writes: rooms, people, their state, board and stored results. */
export interface WorkshopServices {
  readonly rooms: RoomRepository
  readonly access: AccessRepository
  readonly registry: RoomRegistry
  readonly roomStates: RoomStates
  readonly board: BoardWriter
  readonly workshops: WorkshopRepository
}
