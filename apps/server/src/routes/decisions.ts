import type { AccessRepository, RecordRepository } from '@accord/db'
import {
  checkSupersedable,
  type DecisionContent,
  decisionStatuses,
  exportFileName,
  madrMarkdown,
} from '@accord/records'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireRoomPermission } from '../access/room-credential.js'
import { ApiError } from '../http/api-error.js'
import { attachment } from '../http/attachment.js'
import { plainText } from '../http/schemas.js'
import { readJson, readQuery } from '../http/validate-json.js'

const decisionId = /^DR-\d{1,9}$/
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
const filters = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(decisionStatuses).optional(),
  owner: z.string().max(80).optional(),
  template: z.string().max(60).optional(),
  tag: z.string().max(60).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
})
const longText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !/[^\P{Cc}\n\t]/u.test(text), 'must not contain control characters')
const names = z.array(plainText(80)).max(50)
/** A title a decision or an option cannot do without. */
const title = () => plainText(200).pipe(z.string().min(1, 'must not be empty'))
/** What a superseding record may change; everything else is carried over from the original. */
const supersedeBody = z.object({
  title: title().optional(),
  context: longText(4000).optional(),
  drivers: z.array(plainText(200)).max(20).optional(),
  options: z
    .array(z.object({ title: title(), pros: longText(1000), cons: longText(1000) }))
    .max(10)
    .optional(),
  chosenOption: plainText(200).nullable().optional(),
  decision: longText(4000)
    .refine((text) => text.trim() !== '', 'must not be empty')
    .optional(),
  rationale: longText(4000).optional(),
  consequences: longText(4000).optional(),
  decisionMakers: names.optional(),
  consulted: names.optional(),
  informed: names.optional(),
  tags: z.array(plainText(40)).max(20).optional(),
  note: plainText(500).default(''),
})

/**
 * The decision log across workshops: search, read, export as MADR; status changes and
 * superseding by a facilitator of the workshop a record came from. Reading follows the
 * instance's access setting (open by default, like creating workshops).
 */
export function decisionRoutes(deps: {
  records: RecordRepository
  access: AccessRepository
  now: () => number
}) {
  const app = new Hono()

  const notFound = (id: string) =>
    new ApiError(404, 'decision_not_found', `no decision record ${id}`)
  const find = async (id: string) => {
    const record = decisionId.test(id) ? await deps.records.decision(id) : null
    if (!record) throw notFound(id)
    return record
  }

  app.get('/', async (c) => {
    return c.json(await deps.records.searchDecisions(readQuery(c, filters)))
  })

  app.get('/:id', async (c) => c.json(await find(c.req.param('id'))))

  app.get('/:id/export', async (c) => {
    const record = await find(c.req.param('id'))
    const format = c.req.query('format') ?? 'md'
    if (format === 'json')
      return attachment(
        c,
        JSON.stringify(record, null, 2),
        exportFileName(`${record.id} ${record.title}`, 'json'),
        'application/json',
      )
    if (format !== 'md') throw new ApiError(400, 'invalid_format', 'format: md or json')
    return attachment(
      c,
      madrMarkdown(record),
      exportFileName(`${record.id} ${record.title}`, 'md'),
      'text/markdown',
    )
  })

  app.post('/:id/status', async (c) => {
    const record = await find(c.req.param('id'))
    const body = await readJson(
      c,
      z.object({ status: z.enum(decisionStatuses), note: plainText(500).default('') }),
    )
    const who = await requireRoomPermission(
      deps.access,
      record.source.roomId,
      c.req.header('authorization'),
      'room.facilitate',
      'change a decision’s status',
    )
    const changed = await deps.records.changeDecisionStatus(record.id, body.status, {
      by: who.member?.name ?? 'a facilitator',
      at: new Date(deps.now()).toISOString(),
      note: body.note,
    })
    if (!changed) throw notFound(record.id)
    if (!changed.ok) throw new ApiError(409, 'refused', changed.error)
    return c.json(changed.value)
  })

  // A change to a settled decision: a new record that supersedes it; the original stays as it was.
  app.post('/:id/supersede', async (c) => {
    const record = await find(c.req.param('id'))
    const { note, ...changes } = await readJson(c, supersedeBody)
    const who = await requireRoomPermission(
      deps.access,
      record.source.roomId,
      c.req.header('authorization'),
      'room.facilitate',
      'supersede a decision',
    )
    const given = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as Partial<DecisionContent>
    // A new record that says what the old one said would only hide it.
    const current = record as unknown as Record<string, unknown>
    if (
      checkSupersedable(record).ok &&
      Object.entries(given).every(
        ([field, value]) => JSON.stringify(value) === JSON.stringify(current[field]),
      )
    )
      throw new ApiError(409, 'refused', `nothing to change: ${record.id} already says this`)
    const superseded = await deps.records.supersedeDecision(
      record.id,
      { ...record, ...given },
      who.member?.name ?? 'a facilitator',
      new Date(deps.now()),
      note,
    )
    if (!superseded) throw notFound(record.id)
    if (!superseded.ok) throw new ApiError(409, 'refused', superseded.error)
    return c.json(superseded.value, 201)
  })

  return app
}
