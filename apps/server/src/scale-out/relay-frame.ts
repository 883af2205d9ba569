/**
 * What instances send each other through Redis, one pub/sub message per relay message:
 *
 *     uint32 BE header length | header (JSON) | payload bytes
 *
 * The header is `{ "from": instance id, "kind": "update" | "awareness" | "gap", "claims"?: [[id,
 * principal]…] }`; the payload is the Yjs or awareness update (empty for "gap": "I may have
 * published while you could not hear me: re-read the room from storage").
 */
import { z } from 'zod'
import type { RelayMessage } from '@accord/sync'

export type FramedMessage = RelayMessage | { readonly kind: 'gap' }

export interface RelayFrame {
  readonly from: string
  readonly message: FramedMessage
}

const header = z.object({
  from: z.string(),
  kind: z.enum(['update', 'awareness', 'gap']),
  claims: z.array(z.tuple([z.number().int().nonnegative(), z.string()])).optional(),
})

export function encodeRelayFrame(frame: RelayFrame): Buffer {
  const { message } = frame
  const json = Buffer.from(
    JSON.stringify({
      from: frame.from,
      kind: message.kind,
      ...(message.kind === 'update' ? { claims: message.claims } : {}),
    }),
  )
  const payload = message.kind === 'gap' ? new Uint8Array(0) : message.update
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
  switch (parsed.kind) {
    case 'gap':
      return { from: parsed.from, message: { kind: 'gap' } }
    case 'awareness':
      return { from: parsed.from, message: { kind: 'awareness', update } }
    case 'update':
      return { from: parsed.from, message: { kind: 'update', update, claims: parsed.claims ?? [] } }
  }
}
