/**
 * What instances send each other through Redis, one pub/sub message per relay message:
 *
 *     uint32 BE header length | header (JSON) | payload bytes
 *
 * The header is `{ "from": instance id, "kind": "update" | "awareness" | "compacted" | "gap" |
 * "heartbeat", "claims"?: [[id, principal]…], "snapshotBytes"?: n }`; the payload is the Yjs or
 * awareness update, empty for the others:
 *
 * - "compacted" (`snapshotBytes`): the sender folded the room's stored log into a snapshot;
 * - "gap": "I may have published while you could not hear me: re-read the room from storage";
 * - "heartbeat", on the instances' own channel: "I am alive" (`instance-liveness.ts`).
 */
import { z } from 'zod'
import type { RelayMessage } from '@accord/sync'

export type FramedMessage = RelayMessage | { readonly kind: 'gap' } | { readonly kind: 'heartbeat' }

export interface RelayFrame {
  readonly from: string
  readonly message: FramedMessage
}

const header = z.object({
  from: z.string(),
  kind: z.enum(['update', 'awareness', 'compacted', 'gap', 'heartbeat']),
  claims: z.array(z.tuple([z.number().int().nonnegative(), z.string()])).optional(),
  snapshotBytes: z.number().int().nonnegative().optional(),
})

export function encodeRelayFrame(frame: RelayFrame): Buffer {
  const { message } = frame
  const json = Buffer.from(
    JSON.stringify({
      from: frame.from,
      kind: message.kind,
      ...(message.kind === 'update' ? { claims: message.claims } : {}),
      ...(message.kind === 'compacted' ? { snapshotBytes: message.snapshotBytes } : {}),
    }),
  )
  const payload =
    message.kind === 'update' || message.kind === 'awareness' ? message.update : new Uint8Array(0)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.byteLength)
  return Buffer.concat([length, json, payload])
}

/** The frame in `data`, or null when it is not one (never thrown: it comes off the network). */
export function decodeRelayFrame(data: Buffer): RelayFrame | null {
  if (data.byteLength < 4) return null
  const length = data.readUInt32BE(0)
  if (4 + length > data.byteLength) return null
  let parsed: z.infer<typeof header>
  try {
    parsed = header.parse(JSON.parse(data.subarray(4, 4 + length).toString('utf8')))
  } catch {
    return null
  }
  const update = new Uint8Array(data.subarray(4 + length))
  const from = parsed.from
  switch (parsed.kind) {
    case 'gap':
    case 'heartbeat':
      return { from, message: { kind: parsed.kind } }
    case 'compacted':
      if (parsed.snapshotBytes === undefined) return null
      return { from, message: { kind: 'compacted', snapshotBytes: parsed.snapshotBytes } }
    case 'awareness':
      return { from, message: { kind: 'awareness', update } }
    case 'update':
      return { from, message: { kind: 'update', update, claims: parsed.claims ?? [] } }
  }
}
