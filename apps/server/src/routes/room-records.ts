import { api, ApiError } from '@accord/api'
import type { RecordRepository } from '@accord/db'
import {
  type ActionItemRecord,
  boardDecision,
  type DecisionRecord,
  exportFileName,
  recordsOf,
  workshopCsv,
  workshopJson,
  workshopMarkdown,
  type WorkshopRecords,
} from '@accord/records'
import { regionFrames } from '@accord/templates'
import { liveResult, type WorkshopServices } from '@accord/workshop'
import { Hono } from 'hono'
import type { AuthEnv } from '../access/authenticate.js'
import { attachment } from '../http/attachment.js'
import { linkOrigin } from '../http/link-origin.js'

/**
 * `GET /api/rooms/:id/export?format=md|json|csv`: the workshop's summary at any time (not only
 * after close), for anyone in the room; and the records saved from it. Mounted by `roomRoutes`
 * behind its authentication.
 */
export function roomRecordRoutes(
  services: WorkshopServices & {
    readonly records: RecordRepository
    readonly publicOrigin?: string | null
  },
) {
  const app = new Hono<AuthEnv>()

  app.get('/:id/export', async (c) => {
    const { roomId } = c.get('credential')
    const query = api.roomRecords.export.query.safeParse(c.req.query())
    if (!query.success) throw new ApiError(400, 'invalid_format', 'format: md, json or csv')
    const format = query.data.format ?? 'md'
    const live = await liveResult(services, roomId)
    const closedAt = live.state.workshop?.closedAt ?? null
    const origin = linkOrigin(c, services.publicOrigin)
    const meta = { roomId, title: live.title, template: live.template.id, closedAt, origin }
    const records = withFollowUp(
      recordsOf(
        { ...meta, at: new Date(closedAt ?? Date.now()), regionFrames: regionFrames(live.board) },
        live.result,
      ),
      await services.records.actionItems({ roomId }),
    )
    const name = (extension: string) => exportFileName(live.title || live.template.name, extension)
    const decisions = await services.records.decisionsOfRoom(roomId)
    if (format === 'md') {
      // The record this board decided, as it stands now (superseded since, say).
      const decision = boardDecision(decisions)
      return attachment(
        c,
        workshopMarkdown(live.result, { ...meta, decision }),
        name('md'),
        'text/markdown',
      )
    }
    if (format === 'csv')
      return attachment(c, workshopCsv(records, { origin }), name('csv'), 'text/csv')
    return attachment(
      c,
      workshopJson({ workshop: meta, result: live.result, records, decisions }),
      name('json'),
      'application/json',
    )
  })

  // The decisions recorded from this workshop (for the "decided in DR-n" marks on its board).
  app.get('/:id/decisions', async (c) =>
    c.json<DecisionRecord[]>(await services.records.decisionsOfRoom(c.get('credential').roomId)),
  )

  // The action items saved from this workshop, with their follow-up status.
  app.get('/:id/records/action-items', async (c) =>
    c.json<ActionItemRecord[]>(
      await services.records.actionItems({ roomId: c.get('credential').roomId }),
    ),
  )

  return app
}

/**
 * Each saved action item as the follow-up has it since (fac:AI4): its status always; and for an
 * item the server cannot write onto a note (a pre-mortem's mitigation), its owner and due date
 * too — so no export mixes a new status with an old owner. A note's item already shows all of
 * it on the board. An item is known by the board shape it came from (its note, or the risk).
 */
function withFollowUp(
  records: WorkshopRecords,
  saved: readonly ActionItemRecord[],
): WorkshopRecords {
  const byShape = new Map(saved.map((item) => [item.source.shapeIds.join(' '), item]))
  return {
    ...records,
    actions: records.actions.map((action) => {
      const item = byShape.get(action.source.shapeIds.join(' '))
      if (!item) return action
      const onNote = action.key.startsWith('shape:')
      return onNote
        ? { ...action, status: item.status }
        : { ...action, status: item.status, ownerName: item.ownerName, due: item.due }
    }),
  }
}
