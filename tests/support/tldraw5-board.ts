/**
 * A board as Accord on tldraw 5.4.2 left it, made for a room of a running server: its tldraw
 * schema becomes 5.4.2's and a 5.x note is added, written straight into the room's stored log
 * with the server stopped (no client may write the schema); `restart` then starts it again on
 * the same data and port.
 */
import { tldraw5Note, tldraw5Schema } from '@accord/tldraw-yjs/testing'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import type { ServerOptions, ServerProcess } from './server-process.js'
import { connectClient } from './yjs-client.js'

export async function turnIntoTldraw5Board(
  server: ServerProcess,
  roomId: string,
  restart: (options: ServerOptions) => Promise<ServerProcess>,
): Promise<ServerProcess> {
  const client = connectClient(server.wsUrl, roomId)
  await client.whenSynced()
  const before = Y.encodeStateVector(client.doc)
  const writer = new Y.Doc()
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(client.doc))
  client.destroy()
  writer.transact(() => {
    writer.getMap('tldraw:meta').set('schema', tldraw5Schema)
    writer.getMap('tldraw:records').set('shape:from5', tldraw5Note('from5', 'Saved by tldraw 5'))
  })
  const update = Y.encodeStateAsUpdate(writer, before)

  expect0(await server.stop('SIGTERM'))
  const db = new Database(server.dbPath, { fileMustExist: true })
  db.prepare('INSERT INTO document_updates (room_id, data) VALUES (?, ?)').run(
    roomId,
    Buffer.from(update),
  )
  db.close()
  return restart({ dataDir: server.dataDir, port: server.port })
}

function expect0(code: number | string): void {
  if (code !== 0) throw new Error(`the server stopped with ${code}`)
}
