/**
 * A large board built with real Yjs edits: sticky notes with a paragraph of text each (valid
 * tldraw note records, from `browser/note-records.ts`), one transaction per batch, kept as the
 * updates they produced so that a client can send them through the protocol as a facilitator
 * pasting a big board would.
 */
import * as Y from 'yjs'
import { noteRecords, RECORDS_MAP } from '../browser/note-records.js'
import { prng } from './wait.js'

const NOTES_PER_UPDATE = 250
/** About a paragraph: the board's size comes from many ordinary notes, not a few huge ones. */
const TEXT_CHARS = 900
const words = ['retro', 'went', 'well', 'action', 'idea', 'blocker', 'team', 'ship', 'test', 'why']

export interface LargeBoard {
  /** Updates of one batch of notes each, in order. */
  readonly updates: Uint8Array[]
  /** The encoded state of the document they make. */
  readonly bytes: number
  /** The document's state vector: a server holding it holds every note. */
  readonly stateVector: Uint8Array
  readonly notes: number
}

function paragraph(random: () => number): string {
  let text = ''
  while (text.length < TEXT_CHARS) text += `${words[Math.floor(random() * words.length)]} `
  return text
}

/** Notes until the document's state reaches `bytes`; the same `seed` gives the same board. */
export function largeBoard(bytes: number, seed: number): LargeBoard {
  const random = prng(seed)
  const doc = new Y.Doc()
  doc.clientID = 1 + Math.floor(random() * 0x7ffffffe)
  const records = doc.getMap(RECORDS_MAP)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  // The note count is not known in advance: enough index keys for a board of small notes.
  const notes = noteRecords(Math.ceil(bytes / TEXT_CHARS) + NOTES_PER_UPDATE, seed)
  let size = 0
  let count = 0
  while (size < bytes && count < notes.length) {
    const batch = notes.slice(count, count + NOTES_PER_UPDATE)
    doc.transact(() => {
      for (const note of batch) {
        const text = `${note.props.richText.content[0]?.content[0]?.text ?? ''} ${paragraph(random)}`
        records.set(note.id, {
          ...note,
          props: {
            ...note.props,
            richText: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
            },
          },
        })
      }
    })
    count += batch.length
    size += updates[updates.length - 1]?.length ?? 0
  }
  const state = Y.encodeStateAsUpdate(doc).length
  const stateVector = Y.encodeStateVector(doc)
  doc.destroy()
  return { updates, bytes: state, stateVector, notes: count }
}
