/**
 * The catalogue of hostile frames a fuzz attacker sends, each drawn from a seeded generator, and
 * what the server must do with it (`Expectation`): close the connection with 4400 (`malformed`)
 * or 1009 (`too-big`), keep it open (`harmless`: a well-formed message, even if what it asks
 * for is refused), or either (`anything`: damaged bytes that may still happen to be valid).
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { awarenessFrame, queryAwarenessFrame, SyncType, syncFrame } from '../frames.js'
import { badAwarenessFrame, forgedEntries, oddJson } from './awareness-payloads.js'
import { mutate, truncate } from './mutate.js'
import type { Rng } from './prng.js'
import { HONEST_PREFIX } from './honest-party.js'
import {
  ATTACK_ROOTS,
  attackNote,
  type AttackTarget,
  authoredUpdate,
  clockGapUpdate,
  collectedUpdate,
  type DeleteRange,
  deleteOnlyUpdate,
  loneItemUpdate,
  randomValue,
  stateVector,
} from './yjs-payloads.js'

export type Expectation = 'malformed' | 'too-big' | 'harmless' | 'anything'

export interface HostileFrame {
  readonly kind: FrameKind
  readonly data: Uint8Array | string
  readonly expect: Expectation
  /** The intact update it carries, for later resends. */
  readonly update?: Uint8Array
}

/** What a generator may know: the attacker's view of the room and who the honest peers are. */
export interface AttackContext {
  readonly rng: Rng
  /** Everything the server has sent this attacker, applied. */
  readonly seen: Y.Doc
  /** The made-up client ids this attacker writes as. */
  readonly authorIds: readonly number[]
  /** The awareness client id this attacker announces as its own. */
  readonly awarenessId: number
  /** The honest clients' document (and awareness) client ids. */
  readonly honestIds: readonly number[]
  readonly maxMessageBytes: number
  /** Intact updates this attacker sent before. */
  readonly sent: readonly Uint8Array[]
}

/** Far beyond any clock an honest client reaches in a run: never existing content. */
const FAR_FUTURE = 1_000_000

const weights = {
  'random-bytes': 4,
  'empty-frame': 1,
  'text-frame': 1,
  'unknown-type': 2,
  'unknown-sync-type': 1,
  truncated: 4,
  'trailing-bytes': 2,
  'mutated-frame': 6,
  'corrupt-update': 10,
  'authored-update': 7,
  'plain-record': 2,
  'invalid-record': 2,
  'server-owned-write': 3,
  'nested-record': 2,
  'clock-gap': 4,
  'forged-client': 2,
  'dangling-origin': 3,
  'dangling-parent': 3,
  'unknown-deletes': 3,
  collected: 2,
  'overlapping-item': 2,
  resend: 2,
  'empty-update': 1,
  'forged-awareness': 5,
  'odd-awareness': 4,
  'bad-awareness': 2,
  oversized: 1,
  'garbage-state-vector': 2,
  'odd-state-vector': 2,
  'query-awareness': 1,
} as const

export type FrameKind = keyof typeof weights

export const frameKinds = Object.keys(weights) as FrameKind[]

/** Draws one frame; `only` restricts the draw to some kinds (to replay or narrow a failure). */
export function hostileFrame(ctx: AttackContext, only?: ReadonlySet<FrameKind>): HostileFrame {
  const allowed = only
    ? (Object.fromEntries(
        Object.entries(weights).filter(([kind]) => only.has(kind as FrameKind)),
      ) as Record<FrameKind, number>)
    : weights
  const kind = ctx.rng.weighted(allowed)
  return { kind, ...generators[kind](ctx) }
}

type Generated = Omit<HostileFrame, 'kind'>

const generators: Record<FrameKind, (ctx: AttackContext) => Generated> = {
  'random-bytes': ({ rng }) => ({ data: rng.bytes(rng.between(1, 64)), expect: 'anything' }),
  'empty-frame': () => ({ data: new Uint8Array(0), expect: 'malformed' }),
  'text-frame': ({ rng }) => ({
    data: rng.pick(['', 'hello', '{"type":"update"}', String.fromCharCode(...rng.bytes(20))]),
    expect: 'malformed',
  }),
  'unknown-type': ({ rng }) => ({
    data: concat(
      varUint(rng.pick([2, 4, 5, 9, 127, 128, 2 ** 20, 2 ** 53 - 1])),
      rng.bytes(rng.int(8)),
    ),
    expect: 'malformed',
  }),
  'unknown-sync-type': ({ rng }) => ({
    data: syncFrame(rng.pick([3, 4, 100, 2 ** 31]), rng.bytes(rng.int(16))),
    expect: 'malformed',
  }),
  truncated: (ctx) => ({ data: truncate(ctx.rng, validFrame(ctx)), expect: 'malformed' }),
  'trailing-bytes': (ctx) => ({
    data: concat(validFrame(ctx), ctx.rng.bytes(ctx.rng.between(1, 8))),
    expect: 'malformed',
  }),
  'mutated-frame': (ctx) => ({ data: mutate(ctx.rng, validFrame(ctx)), expect: 'anything' }),
  'corrupt-update': (ctx) => ({
    data: syncFrame(updateType(ctx.rng), mutate(ctx.rng, anyUpdate(ctx))),
    expect: 'anything',
  }),
  'authored-update': (ctx) =>
    intact(
      ctx,
      authoredUpdate(ctx.rng, ctx.seen, author(ctx), ctx.rng.pick(['map', 'list', 'rich'])),
    ),
  'plain-record': (ctx) => intact(ctx, authoredUpdate(ctx.rng, ctx.seen, author(ctx), 'records')),
  'invalid-record': (ctx) =>
    intact(ctx, authoredUpdate(ctx.rng, ctx.seen, author(ctx), 'invalid-record')),
  'server-owned-write': (ctx) =>
    intact(ctx, authoredUpdate(ctx.rng, ctx.seen, author(ctx), 'server-owned')),
  'nested-record': (ctx) =>
    intact(ctx, authoredUpdate(ctx.rng, ctx.seen, author(ctx), 'nested-record')),
  'clock-gap': (ctx) => intact(ctx, gapUpdate(ctx)),
  // A valid record at an honest id, under an honest client's id: only the id is wrong.
  // Refused (4400) from a writer; a viewer's is dropped, and a clock the owner has since used is
  // a resend Yjs skips. If any got in, the honest copies would differ from the reference.
  'forged-client': (ctx) => {
    const client = ctx.rng.pick(ctx.honestIds)
    const clock = ctx.rng.chance(0.5)
      ? Y.getState(ctx.seen.store, client)
      : FAR_FUTURE + ctx.rng.int(1000)
    const id = `${HONEST_PREFIX}forged-${ctx.rng.int(8)}`
    const update = loneItemUpdate({
      client,
      clock,
      parent: 'tldraw:records',
      parentSub: id,
      content: [attackNote(ctx.rng, id)],
    })
    return { data: syncFrame(updateType(ctx.rng), update), expect: 'anything' }
  },
  'dangling-origin': (ctx) => {
    const { rng } = ctx
    const unknown = Y.createID(rng.clientId(), rng.int(100))
    const side = rng.int(3)
    return intact(
      ctx,
      loneItemUpdate({
        client: rng.clientId(),
        clock: 0,
        ...(side !== 1 ? { origin: unknown } : {}),
        ...(side !== 0 ? { rightOrigin: Y.createID(rng.clientId(), rng.int(100)) } : {}),
        content: [randomValue(rng)],
      }),
    )
  },
  'dangling-parent': (ctx) => {
    const { rng } = ctx
    return intact(
      ctx,
      loneItemUpdate({
        client: rng.chance(0.5) ? rng.clientId() : author(ctx),
        clock: 0,
        parent: Y.createID(rng.clientId(), rng.int(100)),
        ...(rng.chance(0.5) ? { parentSub: 'key' } : {}),
        content: [randomValue(rng)],
      }),
    )
  },
  'unknown-deletes': (ctx) => {
    const ranges = unknownRanges(ctx)
    const frame = intact(ctx, deleteOnlyUpdate(ranges))
    // No Yjs writes an empty range: refusing one as malformed is fair, breaking the room is not.
    return ranges.some((range) => range.length === 0) ? { ...frame, expect: 'anything' } : frame
  },
  collected: (ctx) => {
    // What a peer sends for content it has garbage-collected; may overlap what the server has.
    const { rng } = ctx
    const client = author(ctx)
    const clock = Math.max(0, Y.getState(ctx.seen.store, client) - rng.int(3))
    const runs = Array.from({ length: rng.between(1, 3) }, (_, i) => ({
      skip: i > 0 && rng.chance(0.3),
      length: rng.between(1, 20),
    }))
    return intact(ctx, collectedUpdate(client, clock, runs))
  },
  'overlapping-item': (ctx) => {
    // Starts inside what the server already has of this client and runs past its end. Content
    // that contradicts what the server holds at the same ids may fairly be refused.
    const { rng } = ctx
    const client = author(ctx)
    const state = Y.getState(ctx.seen.store, client)
    const clock = Math.max(0, state - rng.between(1, 3))
    const content = Array.from({ length: state - clock + rng.between(1, 3) }, () => rng.int(100))
    const update = loneItemUpdate({ client, clock, parent: ATTACK_ROOTS.list, content })
    return { data: syncFrame(updateType(rng), update), expect: 'anything' }
  },
  resend: (ctx) => {
    if (ctx.sent.length === 0) return intact(ctx, new Uint8Array([0, 0]))
    const picked = ctx.sent.filter(() => ctx.rng.chance(0.5))
    return intact(ctx, Y.mergeUpdates(picked.length > 0 ? picked : [ctx.sent[0]!]))
  },
  'empty-update': (ctx) => intact(ctx, new Uint8Array([0, 0])),
  'forged-awareness': ({ rng, honestIds }) => ({
    data: awarenessFrame(forgedEntries(rng, honestIds)),
    expect: 'harmless',
  }),
  'odd-awareness': ({ rng, awarenessId }) => {
    const deep = rng.chance(0.25)
    return {
      data: awarenessFrame([
        { clientId: awarenessId, clock: rng.int(2 ** 31), stateJson: oddJson(rng, deep) },
      ]),
      // A state nested deeper than anyone can re-encode may fairly be refused as malformed.
      expect: deep ? 'anything' : 'harmless',
    }
  },
  'bad-awareness': ({ rng, awarenessId }) => ({
    data: badAwarenessFrame(rng, awarenessId),
    expect: 'malformed',
  }),
  oversized: (ctx) => {
    const { rng, maxMessageBytes } = ctx
    const size = maxMessageBytes + rng.between(1, 4096)
    if (rng.chance(0.5)) return { data: rng.bytes(size), expect: 'too-big' }
    const big = new Y.Doc()
    big.clientID = author(ctx)
    big.getMap('fz-map').set('big', 'x'.repeat(size))
    return { data: syncFrame(SyncType.Update, Y.encodeStateAsUpdate(big)), expect: 'too-big' }
  },
  'garbage-state-vector': ({ rng }) => ({
    data: syncFrame(
      SyncType.Step1,
      rng.chance(0.5)
        ? rng.bytes(rng.int(24))
        : mutate(rng, stateVector(new Map([[rng.clientId(), 5]]))),
    ),
    expect: 'anything',
  }),
  'odd-state-vector': (ctx) => {
    const { rng } = ctx
    const entries = new Map<number, number>()
    for (let i = rng.int(rng.chance(0.2) ? 2000 : 8); i > 0; i--) {
      entries.set(
        rng.chance(0.5) ? rng.clientId() : rng.pick(ctx.honestIds),
        rng.pick([0, 1, 2 ** 31, 2 ** 53 - 1]),
      )
    }
    return { data: syncFrame(SyncType.Step1, stateVector(entries)), expect: 'harmless' }
  },
  'query-awareness': () => ({ data: queryAwarenessFrame(), expect: 'harmless' }),
}

function intact(ctx: AttackContext, update: Uint8Array): Generated {
  return { data: syncFrame(updateType(ctx.rng), update), expect: 'harmless', update }
}

function updateType(rng: Rng): number {
  return rng.chance(0.7) ? SyncType.Update : SyncType.Step2
}

function author(ctx: AttackContext): number {
  return ctx.rng.pick(ctx.authorIds)
}

/** A well-formed frame of any kind, to be damaged. */
function validFrame(ctx: AttackContext): Uint8Array {
  const { rng } = ctx
  switch (rng.int(4)) {
    case 0:
      return syncFrame(SyncType.Step1, Y.encodeStateVector(ctx.seen))
    case 1:
      return awarenessFrame([
        { clientId: ctx.awarenessId, clock: rng.int(1000), stateJson: oddJson(rng, false) },
      ])
    case 2:
      return queryAwarenessFrame()
    default:
      return syncFrame(updateType(rng), anyUpdate(ctx))
  }
}

/**
 * A real update of any sort, to be damaged: authored, with a gap, or deletes. Never one naming an
 * honest client: a damaged clock there could turn into a legitimate write to honest content.
 */
function anyUpdate(ctx: AttackContext): Uint8Array {
  const { rng } = ctx
  const target = rng.pick<AttackTarget>([
    'map',
    'list',
    'rich',
    'records',
    'invalid-record',
    'nested-record',
    'server-owned',
  ])
  switch (rng.int(4)) {
    case 0:
      return gapUpdate(ctx)
    case 1:
      return deleteOnlyUpdate(unknownRanges(ctx, false))
    default:
      return authoredUpdate(rng, ctx.seen, author(ctx), target)
  }
}

/** An update whose clocks start after a gap; `honest` lets it claim an honest client's id. */
function gapUpdate(ctx: AttackContext): Uint8Array {
  const { rng } = ctx
  if (rng.chance(0.5)) {
    return clockGapUpdate(rng, ctx.seen, author(ctx), rng.pick(['map', 'list', 'rich']))
  }
  const client = author(ctx)
  const clock = Y.getState(ctx.seen.store, client) + rng.between(1, 1000)
  return loneItemUpdate({ client, clock, content: [randomValue(rng)] })
}

/**
 * Deletions of content nobody has: made-up clients, the attacker's own beyond its clock, or
 * (with `honest`) honest clients far in their future. Some ranges are empty.
 */
function unknownRanges(ctx: AttackContext, honest = true): DeleteRange[] {
  const { rng } = ctx
  return Array.from({ length: rng.between(1, 6) }, () => {
    const roll = rng.int(3)
    const client =
      roll === 0 && honest ? rng.pick(ctx.honestIds) : roll === 1 ? author(ctx) : rng.clientId()
    const from = roll === 0 && honest ? FAR_FUTURE : Y.getState(ctx.seen.store, client)
    return {
      client,
      clock: from + rng.int(1000),
      length: rng.pick([0, 1, 2, 100, 2 ** 31]),
    }
  })
}

function varUint(value: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, value)
  return encoding.toUint8Array(e)
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.byteLength
  }
  return out
}
