/** The records of one room: its workshop's summary as a file, and the records saved from it. */
import type { ActionItemRecord, DecisionRecord } from '@accord/records'
import { z } from 'zod'
import { route } from './route.js'

export const workshopExportFormats = ['md', 'json', 'csv'] as const
export type WorkshopExportFormat = (typeof workshopExportFormats)[number]

/** `?format=`: Markdown when absent. The server answers `format: md, json or csv` otherwise. */
export const workshopExportQuery = z.object({ format: z.enum(workshopExportFormats).optional() })

/** What saving a workshop's records gives: its current decision record, and its action items. */
export interface SavedRecords {
  readonly decision: DecisionRecord | null
  readonly actions: readonly ActionItemRecord[]
}

export const roomRecordRoutes = {
  export: route<never>()({
    method: 'GET',
    path: '/api/rooms/:id/export',
    summary: 'The workshop’s summary at any time, as a Markdown, JSON or CSV file.',
    credentials: 'room',
    query: workshopExportQuery,
    answer: 'file',
  }),
  decisions: route<DecisionRecord[]>()({
    method: 'GET',
    path: '/api/rooms/:id/decisions',
    summary: 'The decision records saved from this workshop, oldest first.',
    credentials: 'room',
    answer: 'json',
  }),
  actionItems: route<ActionItemRecord[]>()({
    method: 'GET',
    path: '/api/rooms/:id/records/action-items',
    summary: 'The action items saved from this workshop, with their follow-up status.',
    credentials: 'room',
    answer: 'json',
  }),
} as const
