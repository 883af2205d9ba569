import { ApiError } from '@accord/api'
import type { LiveResult, OwnSubmission, StoredResult } from '@accord/api'
import { readResult } from '@accord/templates'
import { liveResult, requireMember, type WorkshopServices } from '@accord/workshop'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AuthEnv } from '../access/authenticate.js'

const kind = z.string().regex(/^[\w-]{1,40}$/)

/**
 * A workshop's structured result — as stored at its latest close, or live — and the caller's own
 * hidden submissions. Mounted by `roomRoutes` behind its authentication.
 */
export function roomWorkshopRoutes(services: WorkshopServices) {
  const app = new Hono<AuthEnv>()

  // The result stored when the facilitator last closed the workshop.
  app.get('/:id/result', async (c) => {
    const stored = await services.workshops.latestResult(c.get('credential').roomId)
    if (!stored) throw new ApiError(404, 'not_closed', 'this workshop has not been closed yet')
    const at = { template: stored.template, version: stored.seq, closedAt: stored.closedAt }
    const read = readResult(stored.result)
    return c.json<StoredResult>(
      read.readable
        ? { ...at, closedAt: at.closedAt.toISOString(), readable: true, result: read.result }
        : {
            ...at,
            closedAt: at.closedAt.toISOString(),
            readable: false,
            problem: read.problem,
            result: stored.result,
          },
    )
  })

  // The result as it stands now, derived from the board and the room's public state.
  app.get('/:id/result/live', async (c) => {
    const { template, state, result } = await liveResult(services, c.get('credential').roomId)
    return c.json<LiveResult>({
      template: template.id,
      closedAt: state.workshop?.closedAt ?? null,
      result,
    })
  })

  // The caller's own hidden submission of a kind (their stance, their scores): nobody else's.
  app.get('/:id/submissions/:kind', async (c) => {
    const self = requireMember(c.get('credential'))
    const parsed = kind.safeParse(c.req.param('kind'))
    if (!parsed.success) throw new ApiError(400, 'invalid_kind', 'kind: not a submission kind')
    const own = await services.workshops.submission(
      c.get('credential').roomId,
      parsed.data,
      self.id,
    )
    return c.json<OwnSubmission>({ value: own?.value ?? null })
  })

  return app
}
