/**
 * Puts the notes on a room's board the way a client does: the stock y-websocket client (as the
 * web app uses it) writes the records into its Y.Doc, in batches of one transaction each. A second
 * client confirms the server holds them all (Accord stores an update before it relays it). The
 * writer stays connected until `close`, so the room is live and loaded when the browser opens it.
 */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitUntil } from '../load/wait.js'
import { FIRST_PAGE_ID, type NoteRecord, RECORDS_MAP } from './note-records.js'

const BATCH = 250
const SYNC_TIMEOUT_MS = 30_000

export interface SeededBoard {
  close(): void
}

interface Client {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
}

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>

function connect(wsUrl: string, roomId: string, token: string): Client {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsUrl}/sync`, roomId, doc, {
    params: { token },
    // ws implements the browser WebSocket API the provider expects.
    WebSocketPolyfill: WebSocket as unknown as ProviderOptions['WebSocketPolyfill'],
    disableBc: true,
  })
  // Not a person on the board: no cursor, no avatar.
  provider.awareness.setLocalState(null)
  return { doc, provider }
}

async function synced(client: Client, what: string): Promise<void> {
  await waitUntil(() => client.provider.synced, SYNC_TIMEOUT_MS)
  if (!client.provider.synced) throw new Error(`${what} did not sync with the room`)
}

function notesIn(doc: Y.Doc): number {
  let notes = 0
  for (const record of doc.getMap<{ type?: unknown }>(RECORDS_MAP).values()) {
    if (record.type === 'note') notes++
  }
  return notes
}

export async function seedBoard(
  server: { wsUrl: string },
  roomId: string,
  token: string,
  notes: readonly NoteRecord[],
): Promise<SeededBoard> {
  const writer = connect(server.wsUrl, roomId, token)
  const checker = connect(server.wsUrl, roomId, token)
  try {
    await synced(writer, 'the seeding client')
    await synced(checker, 'the checking client')
    const records = writer.doc.getMap<unknown>(RECORDS_MAP)
    // The notes' index keys start at the bottom of the page: it must hold nothing else yet.
    if (!records.has(FIRST_PAGE_ID) || notesIn(writer.doc) > 0) {
      throw new Error(`the new room's board is not a blank board on ${FIRST_PAGE_ID}`)
    }
    for (let start = 0; start < notes.length; start += BATCH) {
      writer.doc.transact(() => {
        for (const note of notes.slice(start, start + BATCH)) records.set(note.id, note)
      })
    }
    await waitUntil(() => notesIn(checker.doc) === notes.length, SYNC_TIMEOUT_MS)
    const held = notesIn(checker.doc)
    if (held !== notes.length) {
      throw new Error(`the server relayed ${held} of ${notes.length} notes`)
    }
  } catch (error) {
    writer.provider.destroy()
    throw error
  } finally {
    checker.provider.destroy()
  }
  return { close: () => writer.provider.destroy() }
}
