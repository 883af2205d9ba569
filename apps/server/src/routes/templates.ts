import type { TemplateSummary } from '@accord/api'
import { describeTemplate, templates } from '@accord/templates'
import { Hono } from 'hono'

/** `GET /api/templates`: every method, with its phases, layout and options (for the gallery). */
export function templateRoutes() {
  const described = templates.map(describeTemplate)
  return new Hono().get('/', (c) => c.json<TemplateSummary[]>(described))
}
