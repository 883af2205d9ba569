/**
 * The contract between the web app and the server: every `/api` route and every room command.
 * Requests are zod schemas (the server validates with them), answers are TypeScript types (the
 * server's handlers are checked against them, the web app reads them).
 */
import { actionItemRoutes } from './action-items.js'
import { commandRoutes } from './commands/index.js'
import { decisionRoutes } from './decisions.js'
import { instanceRoutes } from './instance.js'
import { roomReadRoutes } from './room-reads.js'
import { roomRecordRoutes } from './room-records.js'
import { roomRoutes } from './rooms.js'
import { sessionRoutes } from './session.js'
import { workshopRoutes } from './workshop.js'

export * from './route.js'
export * from './api-error.js'
export * from './text.js'
export * from './rooms.js'
export * from './room-reads.js'
export * from './room-records.js'
export * from './workshop.js'
export * from './decisions.js'
export * from './action-items.js'
export * from './session.js'
export * from './instance.js'
export * from './commands/index.js'
export type * from './commands/results.js'
export type * from './commands/template-actions.js'

/** Every route of the HTTP API under `/api`, by area (an OpenAPI document's source, later). */
export const api = {
  instance: instanceRoutes,
  session: sessionRoutes,
  rooms: roomRoutes,
  commands: commandRoutes,
  roomReads: roomReadRoutes,
  workshop: workshopRoutes,
  roomRecords: roomRecordRoutes,
  decisions: decisionRoutes,
  actionItems: actionItemRoutes,
} as const
