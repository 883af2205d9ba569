import { api, ApiError, DECISION_LOG_EXPORT_MAX, type Superseded } from '@accord/api'
import type { AccessRepository, RecordRepository, RoomLock } from '@accord/db'
import {
  changesAnything,
  checkSupersedable,
  type DecisionRecord,
  decisionJson,
  type SimilarDecision,
  exportFileName,
  madrFileName,
  madrFolder,
  madrMarkdown,
  successorContent,
} from '@accord/records'
import {
  revisitedBy,
  showDecisionsOnBoards,
  underRoomLock,
  withBoardState,
  type WorkshopServices,
} from '@accord/workshop'
import { Hono } from 'hono'
import { requireRoomPermission } from '../access/room-credential.js'
import { attachment } from '../http/attachment.js'
import { linkOrigin } from '../http/link-origin.js'
import { readJson, readQuery } from '../http/validate-json.js'
import { zipArchive } from '../http/zip.js'

const decisionId = /^DR-\d{1,9}$/

/**
 * The decision log across workshops: search, read, export as MADR, the board as it was when a
 * record was accepted; status changes and superseding by a facilitator of the workshop a record
 * came from. Reading follows the instance's access setting (open by default, like creating
 * workshops). A change runs under the lock of the room the record came from, taking its turn
 * with that room's commands (a close or "Record decision" saving the same records), on every
 * instance; a record it accepts keeps that room's board as the server holds it (rec:BS1).
 */
export function decisionRoutes(
  deps: WorkshopServices & {
    records: RecordRepository
    access: AccessRepository
    roomLock: RoomLock
    now: () => number
    publicOrigin?: string | null
  },
) {
  const app = new Hono()

  const notFound = (id: string) =>
    new ApiError(404, 'decision_not_found', `no decision record ${id}`)
  const find = async (id: string) => {
    const record = decisionId.test(id) ? await deps.records.decision(id) : null
    if (!record) throw notFound(id)
    return record
  }

  app.get('/', async (c) => {
    return c.json<DecisionRecord[]>(
      await deps.records.searchDecisions(readQuery(c, api.decisions.search.query)),
    )
  })

  // Before `/:id`, like `export`: neither is a record id.
  app.get('/similar', async (c) => {
    const { text } = readQuery(c, api.decisions.similar.query)
    return c.json<SimilarDecision[]>(await deps.records.similarDecisions(text))
  })

  app.get('/export', async (c) => {
    const { format: _madr, ...filters } = readQuery(c, api.decisions.exportLog.query)
    const records = await deps.records.searchDecisions(filters)
    if (records.length > DECISION_LOG_EXPORT_MAX)
      throw new ApiError(
        400,
        'too_many_records',
        `${records.length} records: a download holds at most ${DECISION_LOG_EXPORT_MAX}; narrow the filters`,
      )
    const files = madrFolder(records, linkOrigin(c, deps.publicOrigin)).map((file) => ({
      path: `decisions/${file.name}`,
      text: file.text,
    }))
    const at = new Date(deps.now())
    const name = `accord-decisions-${at.toISOString().slice(0, 10)}.zip`
    return attachment(c, zipArchive(files, at), name, 'application/zip')
  })

  app.get('/:id', async (c) => c.json<DecisionRecord>(await find(c.req.param('id'))))

  // [rec:BS1] The board as it was when the record was accepted: a Yjs update of the whole room
  // document, taken then from the server's own copy; the time it was taken as `Last-Modified`.
  // Like the live board, only for someone the workshop let in (any role): a record says what was
  // decided, but the board holds every note of the workshop.
  app.get('/:id/board-state', async (c) => {
    const record = await find(c.req.param('id'))
    await requireRoomPermission(
      deps.access,
      record.source.roomId,
      c.req.header('authorization'),
      'links.read',
      'see the board kept with a decision',
    )
    const snapshot = await deps.records.boardSnapshot(record.id)
    if (!snapshot)
      throw new ApiError(
        404,
        'snapshot_not_found',
        `no board was kept with ${record.id}: a record keeps its board when it is accepted (none for records accepted before Accord kept them)`,
      )
    c.header('content-type', 'application/octet-stream')
    c.header('last-modified', snapshot.takenAt.toUTCString())
    return c.body(new Uint8Array(snapshot.state))
  })

  app.get('/:id/export', async (c) => {
    const record = await find(c.req.param('id'))
    const query = api.decisions.export.query.safeParse(c.req.query())
    if (!query.success) throw new ApiError(400, 'invalid_format', 'format: md or json')
    const format = query.data.format ?? 'md'
    if (format === 'json')
      return attachment(
        c,
        decisionJson(record, linkOrigin(c, deps.publicOrigin)),
        exportFileName(`${record.id} ${record.title}`, 'json'),
        'application/json',
      )
    // The records it names, so that its links point at their files (`NNNN-title.md`).
    const named = [record.supersedes, record.supersededBy].filter((id) => id !== null)
    const related = (await Promise.all(named.map((id) => deps.records.decision(id)))).filter(
      (other) => other !== null,
    )
    const origin = linkOrigin(c, deps.publicOrigin)
    return attachment(
      c,
      madrMarkdown(record, { related, origin }),
      madrFileName(record),
      'text/markdown',
    )
  })

  app.post('/:id/status', async (c) => {
    const record = await find(c.req.param('id'))
    const body = await readJson(c, api.decisions.changeStatus.body)
    const who = await requireRoomPermission(
      deps.access,
      record.source.roomId,
      c.req.header('authorization'),
      'room.facilitate',
      'change a decision’s status',
    )
    const changed = await underRoomLock(deps.roomLock, record.source.roomId, async () => {
      const { roomId } = record.source
      // A revisit's proposal accepted here supersedes what its workshop revisits (rec:DR10).
      const revisits = (await deps.rooms.find(roomId)) ? await revisitedBy(deps, roomId) : null
      const result = await withBoardState(deps.registry, roomId, (board) =>
        deps.records.changeDecisionStatus(
          record.id,
          body.status,
          {
            by: who.member?.name ?? 'a facilitator',
            at: new Date(deps.now()).toISOString(),
            note: body.note,
          },
          board,
          revisits,
        ),
      )
      // Every board it touches says where the record stands now (rec:AG1).
      if (result?.ok) await showDecisionsOnBoards(deps, [result.value])
      return result
    })
    if (!changed) throw notFound(record.id)
    if (!changed.ok) throw new ApiError(409, 'refused', changed.error)
    return c.json<DecisionRecord>(changed.value)
  })

  // A change to a settled decision: a new record that supersedes it; the original stays as it was.
  app.post('/:id/supersede', async (c) => {
    const record = await find(c.req.param('id'))
    const { note, ...changes } = await readJson(c, api.decisions.supersede.body)
    const who = await requireRoomPermission(
      deps.access,
      record.source.roomId,
      c.req.header('authorization'),
      'room.facilitate',
      'supersede a decision',
    )
    const author = who.member?.name ?? 'a facilitator'
    const superseded = await underRoomLock(deps.roomLock, record.source.roomId, async () => {
      // Read again under the lock: a close of its workshop may have superseded it meanwhile.
      const latest = await find(record.id)
      // A new record that says what the old one said would only hide it.
      if (checkSupersedable(latest).ok && !changesAnything(latest, changes))
        throw new ApiError(409, 'refused', `nothing to change: ${latest.id} already says this`)
      // Its own people, stances and commitments: never the original's (rec:DR6).
      const result = await withBoardState(deps.registry, latest.source.roomId, (board) =>
        deps.records.supersedeDecision(
          latest.id,
          successorContent(latest, changes, author),
          author,
          new Date(deps.now()),
          note,
          board,
        ),
      )
      if (result?.ok) await showDecisionsOnBoards(deps, [result.value.original])
      return result
    })
    if (!superseded) throw notFound(record.id)
    if (!superseded.ok) throw new ApiError(409, 'refused', superseded.error)
    return c.json<Superseded>(superseded.value, 201)
  })

  return app
}
