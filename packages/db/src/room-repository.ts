/** Room metadata, behind an interface so that PostgreSQL can implement it later. */
export interface RoomRecord {
  readonly id: string
  readonly title: string
  readonly createdAt: Date
}

export interface RoomRepository {
  create(room: RoomRecord): Promise<void>
  find(id: string): Promise<RoomRecord | null>
  /** Cheap liveness probe for readiness checks. */
  ping(): Promise<void>
}
