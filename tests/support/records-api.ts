/**
 * The records API as a client uses it: the decision log, action items and exports, with or
 * without a credential, read back as text (exports are files) or JSON; and a disagree-and-commit
 * driven to its close in a few lines, for tests that need a settled decision to work on.
 */
import { expect } from 'vitest'
import { regionFrame, workshopData, workshopRoom } from './board-records.js'
import type { ServerProcess } from './server-process.js'
import { waitFor } from './wait.js'
import type { TestClient } from './yjs-client.js'

export interface ApiAnswer {
  readonly status: number
  readonly headers: Headers
  /** The body as UTF-8 text, a leading byte order mark removed (as `fetch` reads it). */
  readonly text: string
  /** The body as sent. */
  readonly bytes: Uint8Array
  /** The body as JSON (throws if it is not). */
  json<T = unknown>(): T
}

/** One request; `token` becomes a Bearer credential, `body` JSON. */
export async function api(
  server: { url: string },
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {}
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  const text = new TextDecoder().decode(bytes)
  return {
    status: response.status,
    headers: response.headers,
    text,
    bytes,
    json: <T>() => JSON.parse(text) as T,
  }
}

/** A GET that must answer 200 with JSON. */
export async function apiJson<T = unknown>(
  server: { url: string },
  path: string,
  token?: string,
): Promise<T> {
  const answer = await api(server, 'GET', path, token === undefined ? {} : { token })
  expect(answer.status, `GET ${path}: ${answer.text}`).toBe(200)
  return answer.json<T>()
}

/** What a stored decision record looks like on the wire (`GET /api/decisions/:id`). */
export interface DecisionJson {
  id: string
  number: number
  status: 'proposed' | 'accepted' | 'rejected' | 'superseded'
  date: string
  title: string
  context: string
  drivers: string[]
  options: { title: string; pros: string; cons: string }[]
  chosenOption: string | null
  decision: string
  rationale: string
  consequences: string
  decisionMakers: string[]
  consulted: string[]
  informed: string[]
  participants: string[]
  stances: { name: string | null; stance: string; reason: string }[]
  dissent: { name: string | null; stance: string; reason: string }[]
  commitments: { name: string; at: string }[]
  tags: string[]
  source: { roomId: string; workshopTitle: string; template: string; shapeIds: string[] }
  supersedes: string | null
  supersededBy: string | null
  history: { status: string; by: string | null; at: string; note: string }[]
  ledger: { kind: string; by: string; at: string; note: string }[]
}

/** What a stored action item looks like on the wire (`GET /api/action-items/:id`). */
export interface ActionItemJson {
  id: string
  source: { roomId: string; workshopTitle: string; template: string; shapeIds: string[] }
  text: string
  ownerName: string
  due: string | null
  status: 'open' | 'done' | 'dropped'
  history: {
    field: 'status' | 'owner' | 'due' | 'text'
    from: string | null
    to: string | null
    by: string | null
    at: string
  }[]
}

export const idsOf = (items: readonly { id: string }[]) => items.map((item) => item.id)

/** The attachment's file name from a `content-disposition` header (its ASCII `filename`). */
export function attachmentName(answer: ApiAnswer): string {
  const header = answer.headers.get('content-disposition') ?? ''
  expect(header).toMatch(/^attachment;/)
  return /filename="([^"]*)"/.exec(header)?.[1] ?? ''
}

/** How a quick decision goes: who takes part and decides, and what is decided. */
export interface QuickDecision {
  readonly roomTitle: string
  readonly title: string
  readonly context?: string
  readonly decision: string
  readonly rationale: string
  /** Participants besides Faye, the facilitator; the first decides. */
  readonly people: readonly string[]
  /** Stop after the proposal and "Record decision": the record stays proposed. */
  readonly proposedOnly?: boolean
  /** Participants who have not committed when the workshop closes. */
  readonly holdOut?: readonly string[]
}

/**
 * A disagree-and-commit on the agreement scale: the proposal (no options), everyone agrees, the
 * first participant decides (accepted) and everyone (but `holdOut`) commits; then the facilitator
 * closes it.
 * With `proposedOnly`, only the proposal is made and saved with `records.save`. Resolves with the
 * room and the saved decision's id.
 */
export async function quickDecision(
  shared: {
    readonly server: ServerProcess
    client(roomId: string, options?: { token?: string }): TestClient
  },
  spec: QuickDecision,
) {
  const room = await workshopRoom(
    shared,
    spec.roomTitle,
    { template: 'disagree-and-commit', options: { scale: 'agreement' } },
    spec.people,
  )
  const { faye, people, clients, send, phase } = room
  const decider = people[0]!
  await send(faye.token, {
    type: 'proposal.set',
    title: spec.title,
    context: spec.context ?? '',
    deciderId: decider.memberId,
  })
  await waitFor(() => clients.every((client) => workshopData(client.doc).proposal !== null))
  const proposalRegion = regionFrame(clients[0]!.doc, 'proposal').id
  if (spec.proposedOnly) {
    const saved = await send(faye.token, { type: 'records.save' })
    const decision = saved.decision as DecisionJson
    expect(decision.status).toBe('proposed')
    return { ...room, decisionId: decision.id, proposalRegion }
  }
  await phase('stances')
  for (const member of [faye, ...people])
    await send(member.token, { type: 'stance.give', stance: 'agree' })
  await phase('reveal')
  await send(faye.token, { type: 'stances.reveal' })
  await phase('decide')
  await send(decider.token, {
    type: 'decision.record',
    outcome: 'accepted',
    decision: spec.decision,
    rationale: spec.rationale,
  })
  await phase('commit')
  const names = ['Faye', ...spec.people]
  for (const [index, member] of [faye, ...people].entries()) {
    if (!spec.holdOut?.includes(names[index]!)) await send(member.token, { type: 'commit' })
  }
  const closed = await send(faye.token, { type: 'workshop.close' })
  const decision = (closed.records as { decision: DecisionJson }).decision
  expect(decision.status).toBe('accepted')
  return { ...room, decisionId: decision.id, proposalRegion }
}
