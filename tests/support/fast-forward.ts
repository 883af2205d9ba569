/**
 * Fast-forwards for a `story`'s earlier steps: the changes a step makes, made without its UI —
 * the commands its buttons send, sent with the credential of the person who pressed them (read
 * from their browser, so the server sees the same member), or the app's own board edits in that
 * person's page. A test then drives only its own step through the UI, from the state the earlier
 * steps would have left.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { command, noteText, type ShapeRecord, shapesOf } from './board-records.js'
import type { Participant } from './browser.js'
import { joinRoom, tokensOf } from './server-process.js'
import { connectClient } from './yjs-client.js'

/** A room command as the web app sends it: `{ type, … }`. */
export type Command = { readonly type: string } & Record<string, unknown>

/** A person in one room. */
export interface Member {
  readonly id: string
  /** Sends a command as this person; it must be accepted. Resolves with the server's answer. */
  send(body: Command): Promise<Record<string, unknown>>
}

function member(server: { url: string }, roomId: string, id: string, token: string): Member {
  return { id, send: (body) => command(server, roomId, token, body) }
}

/** The member credential a browser keeps for `roomId` (in local storage, as the app does). */
export async function memberCredential(
  page: Page,
  roomId: string,
): Promise<{ id: string; token: string }> {
  const stored = await page.evaluate(
    (id) =>
      (
        JSON.parse(localStorage.getItem(`accord:access:${id}`) ?? '{}') as {
          member?: { id: string; token: string }
        }
      ).member ?? null,
    roomId,
  )
  if (!stored) throw new Error(`this browser has not joined ${roomId}`)
  return { id: stored.id, token: stored.token }
}

/** Each person's membership of `roomId`, as their browser joined it, by the same names. */
export async function membersOf<K extends string>(
  server: { url: string },
  roomId: string,
  people: Readonly<Record<K, Participant>>,
): Promise<Record<K, Member>> {
  const names = Object.keys(people) as K[]
  const credentials = await Promise.all(
    names.map((name) => memberCredential(people[name].page, roomId)),
  )
  return Object.fromEntries(
    names.map((name, i) => {
      const { id, token } = credentials[i]!
      return [name, member(server, roomId, id, token)]
    }),
  ) as Record<K, Member>
}

/** Someone who joins `roomId` through its link for `role` over the API, with no browser. */
export async function memberJoining(
  server: { url: string },
  roomId: string,
  role: 'facilitator' | 'participant',
  name: string,
): Promise<Member> {
  const { memberId, token } = await joinRoom(server, roomId, tokensOf(roomId)[role], name)
  return member(server, roomId, memberId, token)
}

/** Moves the room to another phase, as the facilitator's phase bar does. */
export function toPhase(facilitator: Member, index: number) {
  return facilitator.send({ type: 'phase.set', index })
}

/** Writes a private note as `writer`, as their private notes panel does; resolves with its id. */
export async function addPrivateNote(
  writer: Member,
  text: string,
  region: string | null,
): Promise<string> {
  const answer = (await writer.send({ type: 'notes.add', text, region })) as {
    note?: { id?: string }
  }
  const id = answer.note?.id
  if (id === undefined) throw new Error(`notes.add answered without the note: ${String(answer)}`)
  return id
}

/** The shared state of a room's document as a page has it: the board and the room state. */
function pageDocument(page: Page) {
  return page.evaluate(() => {
    const doc = window.accord?.doc as unknown as
      { getMap(name: string): { toJSON(): unknown } } | undefined
    return doc
      ? { records: doc.getMap('tldraw:records').toJSON(), room: doc.getMap('accord:room').toJSON() }
      : null
  })
}

/** A client of the room as a viewer: viewers are shown to nobody, and change nothing. */
function viewerClient(server: { wsUrl: string }, roomId: string) {
  return connectClient(server.wsUrl, roomId, { token: tokensOf(roomId).viewer })
}

/**
 * Waits until each page's document is the server's: what a fast-forward changed has reached
 * every browser (and a page's own board edits the server), so the next step acts on it. The
 * server's copy is compared afresh each time, as a page's edits reach it after the page has them.
 */
export async function caughtUp(
  server: { wsUrl: string },
  roomId: string,
  people: readonly Participant[],
): Promise<void> {
  const client = viewerClient(server, roomId)
  try {
    await client.whenSynced()
    const serverDocument = () => ({
      records: client.doc.getMap('tldraw:records').toJSON(),
      room: client.doc.getMap('accord:room').toJSON(),
    })
    for (const { page } of people) {
      await expect
        .poll(async () => ({ page: await pageDocument(page), server: serverDocument() }))
        .toSatisfy(({ page: mine, server: theirs }) => isDeepStrictEqual(mine, theirs))
    }
  } finally {
    client.destroy()
  }
}

/** The board's shapes as the server has them now. */
export async function serverShapes(
  server: { wsUrl: string },
  roomId: string,
): Promise<ShapeRecord[]> {
  const client = viewerClient(server, roomId)
  try {
    await client.whenSynced()
    return shapesOf(client.doc)
  } finally {
    client.destroy()
  }
}

function only(shapes: readonly ShapeRecord[], what: string): string {
  if (shapes.length !== 1) throw new Error(`${shapes.length} × ${what} on the board, not one`)
  return shapes[0]!.id
}

/** The id of the frame named `name` (a theme, a risk). */
export function frameId(shapes: readonly ShapeRecord[], name: string): string {
  const frames = shapes.filter((shape) => shape.type === 'frame' && shape.props.name === name)
  return only(frames, `a frame named "${name}"`)
}

/** The id of the sticky note that reads `text`. */
export function noteId(shapes: readonly ShapeRecord[], text: string): string {
  const notes = shapes.filter((shape) => shape.type === 'note' && noteText(shape) === text)
  return only(notes, `a note "${text}"`)
}

/**
 * Selects the notes showing these texts and groups them with the selection's Group button — the
 * app's own frame and reparenting, in `page`.
 */
export async function groupNotes(page: Page, reasons: readonly string[], name: string) {
  const ids: string[] = []
  for (const reason of reasons) {
    const id = await page
      .locator('.tl-shape[data-shape-type="note"]')
      .filter({ hasText: reason })
      .getAttribute('data-shape-id')
    if (id) ids.push(id)
  }
  expect(ids).toHaveLength(reasons.length)
  await page.evaluate((shapeIds) => {
    const editor = window.accord?.editor as unknown as { select(...ids: string[]): void }
    editor.select(...shapeIds)
  }, ids)
  await page.getByTestId('group-notes').click()
  // Naming the group (tldraw's own frame title editing) is done through the editor.
  await page.evaluate((groupName) => {
    const editor = window.accord?.editor as unknown as {
      getSelectedShapeIds(): string[]
      updateShape(shape: { id: string; type: string; props: { name: string } }): void
      selectNone(): void
    }
    const [frame] = editor.getSelectedShapeIds()
    if (frame) editor.updateShape({ id: frame, type: 'frame', props: { name: groupName } })
    editor.selectNone()
  }, name)
}
