/**
 * The hostile-update fuzzer: a seeded, replayable run of one room under attack, in process, with
 * the server's real room, write policy and client-id ownership (only the socket is left out, so
 * a million updates take minutes). A modified client — a participant or the facilitator — sends
 * hand-built updates (`hostile-update.ts`) while an honest participant moves notes. After every
 * update it checks:
 *
 * - server-owned state (`accord:room`) and tldraw's schema record (`tldraw:meta`) unchanged;
 * - locked content unchanged (for a participant: the layout, the locked frame and its notes);
 * - every record stored valid (no other roots, no sequence content, each entry a valid record);
 * - the room up (never broken, never reloaded);
 *
 * and every `convergeEvery` updates, and at the end: the honest client, a late joiner and the
 * stored document all hold exactly the server's board.
 */
import { encodeUpdate, MemoryDocumentStore, type PeerAccess, RoomRegistry } from '@accord/sync'
import { InProcessClient, settle } from '@accord/sync/testing'
import { boardRecordProblem, FIRST_PAGE_ID, noteRecord } from '@accord/tldraw-yjs'
import { boardWritePolicy } from '@accord/workshop'
import * as Y from 'yjs'
import { boardUnderAttack, META, RECORDS, ROOM_STATE } from './board-under-attack.js'
import { hostileUpdate, targetsIn } from './hostile-update.js'
import { Rng } from './rng.js'

export interface FuzzOptions {
  readonly seed: number
  readonly updates: number
  /** Honest convergence is checked this often (and at the end). */
  readonly convergeEvery?: number
}

export interface FuzzResult {
  readonly seed: number
  readonly role: 'participant' | 'facilitator'
  readonly updates: number
  /** Updates that changed the board (allowed), refused with a reason, or closed the connection. */
  readonly accepted: number
  readonly refused: number
  readonly closed: number
  readonly problems: readonly string[]
}

const ROOM = 'hostile'

export async function hostileFuzzRun(options: FuzzOptions): Promise<FuzzResult> {
  const { seed, updates } = options
  const convergeEvery = options.convergeEvery ?? 200
  const rng = new Rng(seed)
  const role = rng.chance(0.5) ? 'participant' : 'facilitator'
  const board = boardUnderAttack(seed)
  const store = new MemoryDocumentStore()
  store.createRoom(ROOM)
  await store.appendUpdates(ROOM, [board.update])
  const registry = new RoomRegistry({ store, idleUnloadMs: 60_000 })
  const problems: string[] = []
  const problem = (text: string) => {
    if (problems.length < 20) problems.push(text)
  }

  const access = (principal: string, as: 'participant' | 'facilitator'): PeerAccess => ({
    canWrite: true,
    canPublishPresence: true,
    principal,
    checkWrites: boardWritePolicy(as),
  })
  const honest = new InProcessClient(registry, ROOM, {
    access: access('honest', 'participant'),
    clientId: 1 + rng.int(0x7fff_ffff), // fixed, for replays (see board-under-attack.ts)
  })
  await honest.connect()
  let attacker = new InProcessClient(registry, ROOM, { access: access('mallory', role) })
  await attacker.connect()
  await settle()
  const acquired = await registry.acquire(ROOM)
  if (!acquired.ok) throw new Error('the room did not load')
  const room = acquired.value
  let broken = false
  room.doc.on('destroy', () => (broken = true))

  const fixed = fixedItems(room.doc, role === 'participant' ? board.lockedIds : [])
  const changedKeys = new Set<string>()
  room.doc.getMap(RECORDS).observe((event) => {
    for (const key of event.keysChanged) changedKeys.add(key)
  })
  const attackerClient = rng.uint32()
  let accepted = 0
  let refused = 0
  let closed = 0
  let targets = targetsIn(room.doc)

  for (let step = 1; step <= updates && !broken; step++) {
    if (attacker.closedWith) {
      closed++
      // Its awareness keeps a timer, and so itself and its document, alive until destroyed.
      attacker.destroy()
      attacker = new InProcessClient(registry, ROOM, { access: access('mallory', role) })
      await attacker.connect()
    }
    if (step % 25 === 0) targets = targetsIn(room.doc)
    const before = Y.getState(room.doc.store, attackerClient)
    const deniedBefore = attacker.received.length
    const update = hostileUpdate(rng, targets, {
      client: attackerClient,
      clock: before,
      otherClient: honest.doc.clientID,
    })
    changedKeys.clear()
    const changes = countChanges(room.doc)
    attacker.sendRaw(encodeUpdate(update))
    if (changes.count() > 0 && attacker.received.length === deniedBefore) accepted++
    else refused++
    changes.stop()
    if (rng.chance(0.2)) moveHonestly(honest, rng, board.freeNoteIds)

    checkFixed(room.doc, fixed, step, problem)
    checkRecords(room.doc, changedKeys, step, problem)
    if (step % convergeEvery === 0) {
      await checkConverged(room.doc, honest, step, problem)
      await checkStored(store, room, step, problem)
    }
    if (problems.length > 0) break
  }
  if (broken) problem('the room broke (it would have reloaded, dropping what was unsaved)')
  if (problems.length === 0) await checkConverged(room.doc, honest, updates, problem)
  if (problems.length === 0) await checkLateJoinerAndStore(registry, store, room.doc, problem)

  attacker.destroy()
  honest.destroy()
  registry.release(room)
  await registry.closeAll()
  return { seed, role, updates, accepted, refused, closed, problems }
}

/** The items behind each protected key, which must stay exactly the same (not even re-set). */
function fixedItems(doc: Y.Doc, lockedRecords: readonly string[]) {
  const items = new Map<
    string,
    { readonly root: string; readonly key: string; readonly item: Y.Item }
  >()
  for (const root of [ROOM_STATE, META]) {
    for (const [key, item] of doc.getMap(root)._map)
      items.set(`${root}.${key}`, { root, key, item })
  }
  for (const key of lockedRecords) {
    const item = doc.getMap(RECORDS)._map.get(key)
    if (item) items.set(`${RECORDS}.${key}`, { root: RECORDS, key, item })
  }
  const sizes = { state: doc.getMap(ROOM_STATE)._map.size, meta: doc.getMap(META)._map.size }
  return { items, sizes }
}

function checkFixed(
  doc: Y.Doc,
  fixed: ReturnType<typeof fixedItems>,
  step: number,
  problem: (text: string) => void,
): void {
  for (const [name, { root, key, item }] of fixed.items) {
    const now = doc.getMap(root)._map.get(key)
    if (now !== item || item.deleted) problem(`step ${step}: ${name} changed`)
  }
  if (doc.getMap(ROOM_STATE)._map.size !== fixed.sizes.state) {
    problem(`step ${step}: a key was added to ${ROOM_STATE}`)
  }
  if (doc.getMap(META)._map.size !== fixed.sizes.meta) {
    problem(`step ${step}: a key was added to ${META}`)
  }
}

function checkRecords(
  doc: Y.Doc,
  changed: ReadonlySet<string>,
  step: number,
  problem: (text: string) => void,
): void {
  for (const name of doc.share.keys()) {
    if (![RECORDS, META, ROOM_STATE].includes(name))
      problem(`step ${step}: a root "${name}" exists`)
  }
  for (const name of [RECORDS, META, ROOM_STATE]) {
    if (doc.share.get(name)?._start) problem(`step ${step}: sequence content in ${name}`)
  }
  const records = doc.getMap<unknown>(RECORDS)
  for (const key of changed) {
    if (!records.has(key)) continue
    const invalid = boardRecordProblem(key, records.get(key))
    if (invalid !== null) problem(`step ${step}: invalid record stored: ${invalid}`)
  }
}

/** Counts the room document's changes while an update is handled. */
function countChanges(doc: Y.Doc) {
  let count = 0
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // The placeholder of a refused update changes nothing visible but is an update too.
    if (origin !== null) count++
  }
  const records = doc.getMap(RECORDS)
  const onRecords = () => count++
  records.observe(onRecords)
  return {
    count: () => count,
    stop: () => {
      doc.off('update', onUpdate)
      records.unobserve(onRecords)
    },
  }
}

function moveHonestly(honest: InProcessClient, rng: Rng, ids: readonly string[]): void {
  const id = rng.pick(ids)
  const record = honest.doc.getMap<{ x?: number }>(RECORDS).get(id)
  // Someone deleted it (allowed: it is not locked): put it back, as a participant may.
  const base = noteRecord({
    id,
    text: `honest ${rng.int(100)}`,
    ...{ x: (record?.x ?? 0) + 10, y: rng.int(1000), index: 'a2' },
    parentId: FIRST_PAGE_ID,
    color: 'green',
    author: null,
  })
  honest.doc.getMap(RECORDS).set(id, base)
}

function boardJson(doc: Y.Doc): string {
  const records = doc.getMap<unknown>(RECORDS).toJSON() as Record<string, unknown>
  return JSON.stringify(
    Object.keys(records)
      .sort()
      .map((key) => [key, records[key]]),
  )
}

async function checkConverged(
  server: Y.Doc,
  honest: InProcessClient,
  step: number,
  problem: (text: string) => void,
): Promise<void> {
  await settle()
  if (honest.closedWith)
    problem(`step ${step}: the honest client was closed: ${honest.closedWith.reason}`)
  if (boardJson(server) !== boardJson(honest.doc)) {
    problem(`step ${step}: the honest client's board differs from the server's`)
  }
}

/** What the store holds is what the room serves: nothing applied went unstored. */
async function checkStored(
  store: MemoryDocumentStore,
  room: { readonly doc: Y.Doc; flushed(): Promise<void> },
  step: number,
  problem: (text: string) => void,
): Promise<void> {
  await room.flushed()
  const stored = await store.loadDocument(ROOM)
  const reloaded = new Y.Doc()
  for (const part of [stored?.snapshot, ...(stored?.updates ?? [])]) {
    if (part) Y.applyUpdate(reloaded, part)
  }
  if (boardJson(reloaded) !== boardJson(room.doc)) {
    problem(`step ${step}: the stored board differs from the served one`)
  }
}

async function checkLateJoinerAndStore(
  registry: RoomRegistry,
  store: MemoryDocumentStore,
  server: Y.Doc,
  problem: (text: string) => void,
): Promise<void> {
  const late = new InProcessClient(registry, ROOM, {
    access: { canWrite: false, canPublishPresence: false },
  })
  await late.connect()
  await settle()
  if (boardJson(late.doc) !== boardJson(server)) problem('a late joiner sees another board')
  late.destroy()
  const stored = await store.loadDocument(ROOM)
  const reloaded = new Y.Doc()
  for (const part of [stored?.snapshot, ...(stored?.updates ?? [])]) {
    if (part) Y.applyUpdate(reloaded, part)
  }
  if (boardJson(reloaded) !== boardJson(server))
    problem('the stored board differs from the served one')
}
