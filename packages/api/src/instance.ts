/** What any page may ask the instance: the templates it offers, and its clock. */
import type { describeTemplate } from '@accord/templates'
import { route } from './route.js'

/** One template as the gallery reads it: its phases and layout with default options. */
export type TemplateSummary = ReturnType<typeof describeTemplate>

/** The server's clock, which every timer in a room is measured against. */
export interface ServerTime {
  /** Milliseconds since the epoch. */
  readonly now: number
}

export const instanceRoutes = {
  templates: route<TemplateSummary[]>()({
    method: 'GET',
    path: '/api/templates',
    summary: 'Every template, with its phases, layout and options (for the gallery).',
    credentials: 'none',
    answer: 'json',
  }),
  time: route<ServerTime>()({
    method: 'GET',
    path: '/api/time',
    summary: 'The server’s clock, so every timer shows the same time.',
    credentials: 'none',
    answer: 'json',
  }),
} as const
