/**
 * The board and room state as a client's Y.Doc holds them, for workshop tests: tldraw shape
 * records written as tldraw writes them (plain values in `tldraw:records`), readers for the
 * regions a template laid out, and the server-owned room state (`accord:room`) as JSON.
 */
import { expect } from 'vitest'
import type * as Y from 'yjs'
import {
  createRoom,
  joinRoom,
  type RoomSetup,
  sendCommand,
  type ServerProcess,
  tokensOf,
} from './server-process.js'
import { expectValidRecord } from './board-entries.js'
import { waitFor } from './wait.js'
import type { TestClient } from './yjs-client.js'

export const RECORDS_MAP = 'tldraw:records'
export const ROOM_STATE_MAP = 'accord:room'

export interface ShapeRecord {
  readonly id: string
  readonly typeName: 'shape'
  readonly type: string
  readonly parentId: string
  readonly index: string
  readonly x: number
  readonly y: number
  readonly rotation: number
  readonly isLocked: boolean
  readonly opacity: number
  readonly meta: Record<string, unknown>
  readonly props: Record<string, unknown>
}

export function boardRecords(doc: Y.Doc): Y.Map<ShapeRecord> {
  return doc.getMap<ShapeRecord>(RECORDS_MAP)
}

export function shapesOf(doc: Y.Doc): ShapeRecord[] {
  return [...boardRecords(doc).values()].filter((record) => record.typeName === 'shape')
}

/** The frame a template laid out for a region (marked `meta.region`). */
export function regionFrame(doc: Y.Doc, key: string): ShapeRecord {
  const frame = shapesOf(doc).find((shape) => shape.type === 'frame' && shape.meta.region === key)
  if (!frame) throw new Error(`no region frame "${key}" on the board`)
  return frame
}

/** The text of a note (tldraw rich text: paragraphs of text runs). */
export function noteText(record: ShapeRecord): string {
  const doc = record.props.richText as { content?: { content?: { text?: string }[] }[] }
  return (doc.content ?? [])
    .map((paragraph) => (paragraph.content ?? []).map((run) => run.text ?? '').join(''))
    .join('\n')
}

export function notesOf(doc: Y.Doc): ShapeRecord[] {
  return shapesOf(doc).filter((shape) => shape.type === 'note')
}

export function noteWithText(doc: Y.Doc, text: string): ShapeRecord | undefined {
  return notesOf(doc).find((note) => noteText(note) === text)
}

const shapeBase = {
  typeName: 'shape',
  rotation: 0,
  isLocked: false,
  opacity: 1,
} as const

/** A sticky note as tldraw writes it. */
export function noteShape(spec: {
  id: string
  text: string
  parentId: string
  x: number
  y: number
  index: string
  meta?: Record<string, unknown>
}): ShapeRecord {
  return {
    ...shapeBase,
    id: spec.id,
    type: 'note',
    parentId: spec.parentId,
    index: spec.index,
    x: spec.x,
    y: spec.y,
    meta: spec.meta ?? {},
    props: {
      color: 'yellow',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: spec.text }] }],
      },
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
    },
  }
}

/** A named frame (a theme, a risk, a group) as tldraw writes it. */
export function frameShape(spec: {
  id: string
  name: string
  parentId: string
  x: number
  y: number
  w: number
  h: number
  index: string
}): ShapeRecord {
  return {
    ...shapeBase,
    id: spec.id,
    type: 'frame',
    parentId: spec.parentId,
    index: spec.index,
    x: spec.x,
    y: spec.y,
    meta: {},
    props: { w: spec.w, h: spec.h, name: spec.name, color: 'black' },
  }
}

/**
 * Writes records into a client's board in one transaction, as tldraw does for one user action.
 * Each must be a record the server accepts (a valid tldraw 3.15 record): it throws otherwise.
 */
export function putShapes(doc: Y.Doc, ...shapes: ShapeRecord[]): void {
  for (const shape of shapes) expectValidRecord(shape.id, shape)
  doc.transact(() => {
    for (const shape of shapes) boardRecords(doc).set(shape.id, shape)
  })
}

/** Moves a shape into another parent at a position relative to it (tldraw's reparenting). */
export function reparent(doc: Y.Doc, id: string, parentId: string, x: number, y: number): void {
  const shape = boardRecords(doc).get(id)
  if (!shape) throw new Error(`no shape ${id} on this client's board`)
  const moved = { ...shape, parentId, x, y }
  expectValidRecord(id, moved)
  boardRecords(doc).set(id, moved)
}

/** The server-owned room state as this client sees it. */
export interface RoomStateJson {
  plan?: { currentIndex: number; phases: { id: string; name: string; focus?: string }[] }
  spotlight?: string | null
  turns?: {
    order: { memberId: string; name: string }[]
    current: number | null
    shared: number
  } | null
  vote?: { status: string; results: { itemId: string; dots: number }[] | null } | null
  locks?: { board: boolean; frames: string[]; layout: string[] }
  settings?: { anonymous: boolean }
  workshop?: {
    template: string
    options: Record<string, unknown>
    data: Record<string, unknown>
    closedAt: number | null
  } | null
}

export function roomStateOf(doc: Y.Doc): RoomStateJson {
  return doc.getMap(ROOM_STATE_MAP).toJSON() as RoomStateJson
}

/** The id of the phase this client shows as current. */
export function currentPhaseId(doc: Y.Doc): string | undefined {
  const plan = roomStateOf(doc).plan
  return plan?.phases[plan.currentIndex]?.id
}

/** The template's public state as this client sees it. */
export function workshopData(doc: Y.Doc): Record<string, unknown> {
  return roomStateOf(doc).workshop?.data ?? {}
}

/** Everything in a client's document, as text: to check that something secret is not in it. */
export function docText(doc: Y.Doc): string {
  return JSON.stringify({
    state: doc.getMap(ROOM_STATE_MAP).toJSON(),
    records: boardRecords(doc).toJSON(),
    all: doc.toJSON(),
  })
}

/** Sends a command and expects its status (200 unless told); returns the answer's body. */
export async function command(
  server: { url: string },
  roomId: string,
  token: string,
  body: { type: string } & Record<string, unknown>,
  status = 200,
): Promise<Record<string, unknown>> {
  const answer = await sendCommand(server, roomId, token, body)
  expect(answer.status, `${body.type}: ${JSON.stringify(answer.body)}`).toBe(status)
  return answer.body as Record<string, unknown>
}

/** A GET on the room API with a credential: the status and the JSON body. */
export async function getJson(
  server: { url: string },
  path: string,
  token: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return { status: response.status, body: await response.json() }
}

/** The result stored at the workshop's latest close. */
export async function storedResult<T = Record<string, unknown>>(
  server: { url: string },
  roomId: string,
  token: string,
): Promise<{ template: string; version: number; closedAt: string; result: T }> {
  const answer = await getJson(server, `/api/rooms/${roomId}/result`, token)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as { template: string; version: number; closedAt: string; result: T }
}

/**
 * A room of a template with a facilitator (Faye) and participants who joined through its links,
 * each with a live client on their own member credential.
 */
export async function workshopRoom(
  shared: {
    readonly server: ServerProcess
    client(roomId: string, options?: { token?: string }): TestClient
  },
  title: string,
  setup: RoomSetup,
  participantNames: readonly string[],
) {
  const { server } = shared
  const roomId = await createRoom(server, title, setup)
  const links = tokensOf(roomId)
  const faye = await joinRoom(server, roomId, links.facilitator, 'Faye')
  const people: { token: string; memberId: string }[] = []
  for (const name of participantNames)
    people.push(await joinRoom(server, roomId, links.participant, name))
  const clients = [faye, ...people].map((member) => shared.client(roomId, { token: member.token }))
  await Promise.all(clients.map((client) => client.whenSynced()))
  const send = (token: string, body: { type: string } & Record<string, unknown>, status = 200) =>
    command(server, roomId, token, body, status)
  /** Moves everyone to the phase with this id, and waits until every client shows it. */
  const phase = async (id: string) => {
    const phases = roomStateOf(clients[0]!.doc).plan?.phases ?? []
    const index = phases.findIndex((p) => p.id === id)
    expect(index, `phase ${id}`).toBeGreaterThanOrEqual(0)
    await send(faye.token, { type: 'phase.set', index })
    await waitFor(() => clients.every((client) => currentPhaseId(client.doc) === id), {
      what: `phase ${id} on every client`,
    })
  }
  return { roomId, links, faye, people, clients, send, phase }
}

/**
 * Makes a note on the board an action item through the server, as the board's action editor does
 * (fac:AI5): clients cannot write a note's action item themselves.
 */
export async function setAction(
  server: { url: string },
  roomId: string,
  token: string,
  action: { noteId: string; text: string; ownerId: string; due: string | null },
): Promise<Record<string, unknown>> {
  return command(server, roomId, token, { type: 'action.set', ...action })
}
