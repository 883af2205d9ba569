/** Action items across workshops, for following up: filters, and changes to one item. */
import { type ActionItemRecord, actionStatuses } from '@accord/records'
import { z } from 'zod'
import { route } from './route.js'
import { displayName, isoDay } from './text.js'

export const actionItemQuery = z.object({
  /** The owner's name, case-insensitive. */
  owner: z.string().max(80).optional(),
  /** A status, or `overdue`: open and due before today. */
  status: z.enum([...actionStatuses, 'overdue']).optional(),
  /** Only the items saved from this room. */
  room: z.string().max(64).optional(),
})
export type ActionItemQuery = z.input<typeof actionItemQuery>

export const actionItemUpdateBody = z.object({
  status: z.enum(actionStatuses).optional(),
  ownerName: displayName.optional(),
  due: isoDay.nullable().optional(),
})
export type ActionItemUpdate = z.input<typeof actionItemUpdateBody>

export const actionItemRoutes = {
  search: route<ActionItemRecord[]>()({
    method: 'GET',
    path: '/api/action-items',
    summary: 'Action items across workshops, soonest due first, filtered.',
    credentials: 'instance',
    query: actionItemQuery,
    answer: 'json',
  }),
  read: route<ActionItemRecord>()({
    method: 'GET',
    path: '/api/action-items/:id',
    summary: 'One action item (`AI-n`) with its history.',
    credentials: 'instance',
    answer: 'json',
  }),
  update: route<ActionItemRecord>()({
    method: 'POST',
    path: '/api/action-items/:id',
    summary: 'Changes an item’s status, owner or due date, as a member of its room.',
    credentials: 'instance+room',
    body: actionItemUpdateBody,
    answer: 'json',
  }),
} as const
