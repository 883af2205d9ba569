/**
 * Building blocks for template actions: input parsed with a schema (a refusal names the field),
 * the rule checks every method needs, and free text as people type it.
 */
import { currentPhase, type Permission, type RoomState } from '@accord/facilitation'
import { z } from 'zod'
import type { ActionContext, ActionEffect, ActionOutcome, WorkshopAction } from './template.js'

export function defineAction<Schema extends z.ZodType>(definition: {
  readonly schema: Schema
  readonly requires: Permission
  readonly action: string
  readonly submissions?: string
  run(context: ActionContext, input: z.output<Schema>): ActionOutcome
}): WorkshopAction<Schema> {
  const { schema, run, ...rest } = definition
  return {
    ...rest,
    schema,
    run(context, input) {
      const parsed = schema.safeParse(input)
      if (!parsed.success) return { ok: false, error: describeIssue(parsed.error), invalid: true }
      return run(context, parsed.data)
    },
  }
}

export const done = (effect: ActionEffect): ActionOutcome => ({ ok: true, value: effect })
export const refuse = (error: string): ActionOutcome => ({ ok: false, error })

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue?.message ?? 'invalid input'}`
}

/** Text people type: trimmed, bounded; line breaks only where asked for. */
export const text = (max: number, { lines = false, required = false } = {}) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => !(lines ? /[^\P{Cc}\n\t]/u : /\p{Cc}/u).test(value),
      'must not contain control characters',
    )
    .refine((value) => !required || value.length > 0, 'must not be empty')

export const shapeId = z.string().regex(/^shape:[\w-]{1,64}$/, 'must be a shape id')
export const memberId = z.string().regex(/^[\w-]{1,64}$/, 'must be a member id')

/** Is the workshop in one of these phases (by the template's phase ids)? */
export function inPhase(state: RoomState, ...phaseIds: string[]): boolean {
  return phaseIds.includes(currentPhase(state.plan).id)
}

/** A person who may own something: a facilitator or participant of the room. */
export function findOwner(context: ActionContext, id: string) {
  return context.members.find((member) => member.id === id && member.role !== 'viewer') ?? null
}
