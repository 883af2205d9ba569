/**
 * The honest side of a fuzz run: stock y-websocket clients of named members, editing the board
 * as its users do while the attack goes on — adding, changing and deleting sticky notes, each a
 * valid tldraw record under an honest id (`shape:honest-…`) — and a reference document built
 * from exactly their own edits: what every honest copy of the room must end up holding.
 */
import { noteRecord } from '@accord/tldraw-yjs'
import * as Y from 'yjs'
import type { Rng } from './prng.js'
import { BOARD_PAGE, expectValidRecord, orderedIndex } from '../board-entries.js'
import { RECORDS_MAP } from '../board-records.js'
import { joinRoom, type RoomTokens, tokensOf } from '../server-process.js'
import { connectClient, type TestClient } from '../yjs-client.js'

/**
 * Ids of the honest clients' records start with this; attackers never write such ids (theirs
 * start with `shape:fz-`, see `yjs-payloads.ts`), so whatever the server accepts from them cannot
 * change what the honest clients must end up with.
 */
export const HONEST_PREFIX = 'shape:honest-'

export interface HonestMember {
  readonly name: string
  readonly role: keyof RoomTokens
  readonly client: TestClient
  /** Writers edit; a viewer only watches. */
  readonly writes: boolean
}

type BoardRecord = Record<string, unknown> & { readonly id: string }

function records(doc: Y.Doc): Y.Map<BoardRecord> {
  return doc.getMap<BoardRecord>(RECORDS_MAP)
}

/** The honest records of a document, by id, in a form `toEqual` can compare and print. */
export function honestView(doc: Y.Doc): Record<string, unknown> {
  const view: Record<string, unknown> = {}
  records(doc).forEach((record, id) => {
    if (id.startsWith(HONEST_PREFIX)) view[id] = record
  })
  return view
}

/** How `actual` differs from `expected` on the honest records, briefly; null when they are equal. */
export function honestDifference(actual: Y.Doc, expected: Y.Doc): string | null {
  const [a, e] = [honestView(actual), honestView(expected)]
  const differences: string[] = []
  const missing = Object.keys(e).filter((id) => !(id in a))
  const extra = Object.keys(a).filter((id) => !(id in e))
  if (missing.length > 0 || extra.length > 0) {
    differences.push(`records missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`)
  }
  for (const id of Object.keys(e).filter((id) => id in a)) {
    const [got, want] = [JSON.stringify(a[id]), JSON.stringify(e[id])]
    if (got !== want) differences.push(`${id} is ${got}, expected ${want}`)
  }
  return differences.length > 0 ? differences.join('; ') : null
}

export class HonestParty {
  readonly reference = new Y.Doc()
  readonly members: HonestMember[] = []
  /**
   * What any honest client saw of presence that it never should have, as it happened: an honest
   * member under another name, or gone while still connected; a viewer's presence; a stranger
   * whose presence does not carry a name the server stamps for one of `strangerNames`.
   */
  readonly presenceProblems: string[] = []
  private readonly rng: Rng
  private notesMade = 0

  private constructor(rng: Rng) {
    this.rng = rng
  }

  /**
   * Joins three writers and one viewer by name and connects their stock clients. `strangerNames`
   * are the names the server may stamp on everyone else's presence.
   */
  static async join(
    server: { url: string; wsUrl: string },
    roomId: string,
    rng: Rng,
    strangerNames: readonly string[],
  ) {
    const party = new HonestParty(rng)
    const cast: [string, keyof RoomTokens, boolean][] = [
      ['Ada', 'participant', true],
      ['Bo', 'participant', true],
      ['Cy', 'facilitator', true],
      ['Dee', 'viewer', false],
    ]
    for (const [name, role, writes] of cast) {
      const { token } = await joinRoom(server, roomId, tokensOf(roomId)[role], name)
      const doc = new Y.Doc()
      doc.clientID = rng.clientId()
      const client = connectClient(server.wsUrl, roomId, { doc, token })
      // Only the member's own edits go into the reference, never what the server relays.
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider && writes) Y.applyUpdate(party.reference, update)
      })
      party.members.push({ name, role, client, writes })
    }
    await Promise.all(party.members.map((member) => member.client.whenSynced()))
    for (const observer of party.members) party.watchPresence(observer, strangerNames)
    for (const member of party.members) {
      member.client.provider.awareness.setLocalStateField('cursor', { x: 0, y: 0 })
    }
    return party
  }

  private watchPresence(observer: HonestMember, strangerNames: readonly string[]): void {
    const awareness = observer.client.provider.awareness
    const problem = (text: string) => this.presenceProblems.push(`${observer.name} saw ${text}`)
    type Changes = { added: number[]; updated: number[]; removed: number[] }
    awareness.on('change', ({ added, updated, removed }: Changes, origin: unknown) => {
      if (origin === 'local') return
      for (const id of [...added, ...updated]) {
        const name = (awareness.getStates().get(id) as { user?: { name?: unknown } } | undefined)
          ?.user?.name
        const member = this.members.find((m) => m.client.doc.clientID === id)
        if (member === observer) {
          // Only a forgery gives a client a state for its own id from elsewhere.
          if (name !== undefined) problem(`a presence stamped ${JSON.stringify(name)} as its own`)
          continue
        }
        if (member && !member.writes) problem(`the viewer ${member.name}'s presence`)
        else if (member && name !== member.name)
          problem(`${member.name} as ${JSON.stringify(name)}`)
        else if (!member && !strangerNames.includes(name as string)) {
          problem(`a presence stamped ${JSON.stringify(name)}`)
        }
      }
      for (const id of removed) {
        const member = this.members.find((m) => m.client.doc.clientID === id)
        // The server may tell a client of its own past departure, to make it announce itself again.
        if (member === observer) continue
        if (
          member?.writes &&
          member.client.provider.wsconnected &&
          observer.client.provider.wsconnected
        ) {
          problem(`${member.name}'s presence removed while connected`)
        }
      }
    })
  }

  get writers(): HonestMember[] {
    return this.members.filter((member) => member.writes)
  }

  /** Awareness (and document) client ids, for attackers to forge. */
  get clientIds(): number[] {
    return this.members.map((member) => member.client.doc.clientID)
  }

  /** One random edit by one random writer, sometimes with a cursor move. */
  edit(): void {
    const { rng } = this
    const member = rng.pick(this.writers)
    const board = records(member.client.doc)
    const honest = [...board.keys()].filter((id) => id.startsWith(HONEST_PREFIX)).sort()
    switch (rng.int(3)) {
      case 0: {
        // A note of one's own added, or any honest note deleted.
        if (honest.length > 0 && rng.chance(0.3)) board.delete(rng.pick(honest))
        else {
          const id = `${HONEST_PREFIX}${member.name}-${rng.int(10_000)}`
          this.put(board, this.note(id, `${member.name}'s note`, {}))
        }
        break
      }
      case 1: {
        // A few notes everyone writes to, concurrently: the last write wins everywhere.
        const id = `${HONEST_PREFIX}shared-${rng.int(8)}`
        if (board.has(id) && rng.chance(0.25)) board.delete(id)
        else {
          const meta = { by: member.name, n: rng.int(10_000), tags: ['a', rng.int(9)] }
          this.put(board, this.note(id, `shared ${meta.n}`, meta))
        }
        break
      }
      default: {
        // A note moved and its text changed, as dragging and typing do.
        const id = honest.length > 0 ? rng.pick(honest) : `${HONEST_PREFIX}${member.name}-first`
        const before = board.get(id) ?? this.note(id, '', {})
        const text = `${member.name.toLowerCase()} ${rng.int(1000)}`
        this.put(board, {
          ...this.note(id, text, (before.meta ?? {}) as Record<string, unknown>),
          x: rng.int(2000),
          y: rng.int(2000),
          index: before.index,
        })
      }
    }
    if (rng.chance(0.2)) {
      member.client.provider.awareness.setLocalStateField('cursor', {
        x: rng.int(1000),
        y: rng.int(1000),
      })
    }
  }

  /** A valid tldraw note, its index from the party's own counter (so a seed replays it exactly). */
  private note(id: string, text: string, meta: Record<string, unknown>): BoardRecord {
    const record = noteRecord({
      id,
      text,
      x: this.rng.int(2000),
      y: this.rng.int(2000),
      parentId: BOARD_PAGE,
      index: orderedIndex(this.notesMade++),
      color: this.rng.pick(['yellow', 'light-blue', 'light-green'] as const),
      author: null,
    })
    return { ...record, meta }
  }

  private put(board: Y.Map<BoardRecord>, record: BoardRecord): void {
    expectValidRecord(record.id, record)
    board.set(record.id, record)
  }

  /** `count` edits, `pacingMs` apart, while the attack runs. */
  async editWhile(count: number, pacingMs: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      this.edit()
      await new Promise((resolve) => setTimeout(resolve, pacingMs))
    }
  }

  destroy(): void {
    for (const member of this.members) member.client.destroy()
  }
}
