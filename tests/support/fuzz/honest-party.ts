/**
 * The honest side of a fuzz run: stock y-websocket clients of named members, editing the roots
 * the rules let them write while the attack goes on, and a reference document built from
 * exactly their own edits — what every honest copy of the room must end up holding.
 */
import * as Y from 'yjs'
import type { Rng } from './prng.js'
import { joinRoom, type RoomTokens, tokensOf } from '../server-process.js'
import { connectClient, type TestClient } from '../yjs-client.js'

/** The roots honest clients edit; attackers never write them (see `ATTACK_ROOTS`). */
export const HONEST_ROOTS = { items: 'items', notes: 'notes', text: 'text' } as const

export interface HonestMember {
  readonly name: string
  readonly role: keyof RoomTokens
  readonly client: TestClient
  /** Writers edit; a viewer only watches. */
  readonly writes: boolean
}

/** What the honest roots of a document hold, in a form `toEqual` can compare and print. */
export function honestView(doc: Y.Doc) {
  return {
    items: doc.getArray(HONEST_ROOTS.items).toJSON(),
    notes: doc.getMap(HONEST_ROOTS.notes).toJSON(),
    text: doc.getText(HONEST_ROOTS.text).toDelta() as unknown,
  }
}

/** How `actual` differs from `expected` on the honest roots, briefly; null when they are equal. */
export function honestDifference(actual: Y.Doc, expected: Y.Doc): string | null {
  const [a, e] = [honestView(actual), honestView(expected)]
  const differences: string[] = []
  const missing = e.items.filter((item) => !a.items.includes(item))
  const extra = a.items.filter((item) => !e.items.includes(item))
  if (missing.length > 0 || extra.length > 0) {
    differences.push(`items missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`)
  } else if (JSON.stringify(a.items) !== JSON.stringify(e.items)) {
    differences.push(`items in another order: ${JSON.stringify(a.items)}`)
  }
  for (const key of new Set([...Object.keys(a.notes), ...Object.keys(e.notes)])) {
    const [got, want] = [JSON.stringify(a.notes[key]), JSON.stringify(e.notes[key])]
    if (got !== want) differences.push(`notes.${key} is ${got}, expected ${want}`)
  }
  const [gotText, wantText] = [JSON.stringify(a.text), JSON.stringify(e.text)]
  if (gotText !== wantText) differences.push(`text is ${gotText}, expected ${wantText}`)
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
    const doc = member.client.doc
    switch (rng.int(3)) {
      case 0: {
        const items = doc.getArray<unknown>(HONEST_ROOTS.items)
        if (items.length > 0 && rng.chance(0.3)) items.delete(rng.int(items.length), 1)
        else items.insert(rng.int(items.length + 1), [`${member.name}-${rng.int(10_000)}`])
        break
      }
      case 1: {
        const notes = doc.getMap<unknown>(HONEST_ROOTS.notes)
        const key = `note-${rng.int(8)}`
        if (notes.has(key) && rng.chance(0.25)) notes.delete(key)
        else notes.set(key, { by: member.name, n: rng.int(10_000), tags: ['a', rng.int(9)] })
        break
      }
      default: {
        const text = doc.getText(HONEST_ROOTS.text)
        if (text.length > 0 && rng.chance(0.3)) {
          const at = rng.int(text.length)
          text.delete(at, Math.min(rng.between(1, 5), text.length - at))
        } else {
          const bold = rng.chance(0.2) ? { bold: true } : undefined
          text.insert(rng.int(text.length + 1), `${member.name.toLowerCase()} `, bold)
        }
      }
    }
    if (rng.chance(0.2)) {
      member.client.provider.awareness.setLocalStateField('cursor', {
        x: rng.int(1000),
        y: rng.int(1000),
      })
    }
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
