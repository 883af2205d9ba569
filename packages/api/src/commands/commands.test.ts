import { describe, expect, expectTypeOf, it } from 'vitest'
import { describeIssue } from '../text.js'
import {
  type CommandInput,
  type CommandResult,
  commandSchemas,
  type CommandType,
  isCommandType,
  type RoomCommand,
} from './index.js'
import type { BallotView } from '../room-reads.js'
import type { StateChanged, TemplateActionResult } from './results.js'

/** What the web app sends, one or more of each command (the map must name every command). */
const sent: { readonly [T in CommandType]: readonly CommandInput<T>[] } = {
  'token.rotate': [{ type: 'token.rotate', role: 'participant' }],
  'member.rename': [{ type: 'member.rename', name: 'Ada' }],
  'phase.set': [{ type: 'phase.set', index: 2 }],
  'phases.update': [
    {
      type: 'phases.update',
      phases: [
        {
          id: 'write',
          name: 'Write',
          instructions: 'Alone, in silence.',
          rules: { boardEditing: false, privateWriting: true, reveal: 'self', voting: false },
          timerMinutes: 5,
          focus: 'glad',
        },
        {
          name: 'New phase',
          rules: { boardEditing: true, privateWriting: false, reveal: 'none', voting: false },
        },
      ],
    },
  ],
  'timer.start': [{ type: 'timer.start', seconds: 300 }],
  'timer.pause': [{ type: 'timer.pause' }],
  'timer.resume': [{ type: 'timer.resume' }],
  'timer.extend': [{ type: 'timer.extend', seconds: 60 }],
  'timer.reset': [{ type: 'timer.reset' }],
  'lock.set': [
    { type: 'lock.set', target: 'board', locked: true },
    { type: 'lock.set', target: 'frames', frameIds: ['shape:a', 'shape:b-2'], locked: false },
  ],
  'vote.open': [
    {
      type: 'vote.open',
      items: [{ id: 'shape:a', label: 'More pairing' }],
      dotsPerPerson: 3,
      maxPerItem: 1,
    },
  ],
  'vote.cast': [
    { type: 'vote.cast', itemId: 'shape:a', delta: 1 },
    { type: 'vote.cast', itemId: 'shape:a', delta: -1 },
  ],
  'vote.close': [{ type: 'vote.close' }],
  'notes.add': [
    { type: 'notes.add', text: 'Deploys are slow', region: 'sad' },
    { type: 'notes.add', text: 'Anything', region: null },
  ],
  'notes.edit': [{ type: 'notes.edit', noteId: 'n1', text: 'Deploys are very slow' }],
  'notes.delete': [{ type: 'notes.delete', noteId: 'n1' }],
  'notes.reveal': [
    { type: 'notes.reveal', scope: 'all' },
    { type: 'notes.reveal', scope: 'mine' },
    { type: 'notes.reveal', scope: 'turn', noteId: 'n1' },
  ],
  'room.settings': [{ type: 'room.settings', anonymous: true }],
  summon: [{ type: 'summon' }, { type: 'summon', viewport: { x: -10, y: 20.5, w: 1200, h: 800 } }],
  'spotlight.set': [
    { type: 'spotlight.set', shapeId: 'shape:theme' },
    { type: 'spotlight.set', shapeId: null },
  ],
  'turns.start': [
    { type: 'turns.start', firstMemberId: 'm-1' },
    { type: 'turns.start', firstMemberId: null },
  ],
  'turns.skip': [{ type: 'turns.skip' }],
  'workshop.close': [{ type: 'workshop.close' }],
  'records.save': [{ type: 'records.save' }],
  'decision.create': [
    {
      type: 'decision.create',
      title: 'Ship on Tuesdays',
      decision: 'We ship every Tuesday.',
      decisionMakerIds: ['m-1'],
    },
    {
      type: 'decision.create',
      title: 'Ship on Tuesdays',
      context: 'Fridays break weekends.',
      decision: 'We ship every Tuesday.',
      rationale: 'Time to fix before the weekend.',
      consequences: 'Releases wait up to a week.',
      decisionMakerIds: ['m-1', 'm-2'],
      status: 'proposed',
      shapeId: 'shape:frame',
      tags: ['release'],
    },
  ],
  'action.set': [
    { type: 'action.set', noteId: 'shape:n', text: 'Write the runbook', ownerId: 'm-1' },
    {
      type: 'action.set',
      noteId: 'shape:n',
      text: 'Write the runbook',
      externalOwner: 'Zed',
      due: '2031-01-01',
    },
  ],
  'action.clear': [{ type: 'action.clear', noteId: 'shape:n' }],
}

const refusal = (type: CommandType, body: unknown) => {
  const parsed = commandSchemas[type].safeParse(body)
  return parsed.success ? null : describeIssue(parsed.error)
}

describe('command schemas', () => {
  it('accept every command as the web app sends it', () => {
    for (const [type, commands] of Object.entries(sent)) {
      expect(isCommandType(type)).toBe(true)
      for (const command of commands) expect(refusal(type as CommandType, command)).toBeNull()
    }
  })

  it('are listed once each, in the order refusals name them', () => {
    expect(Object.keys(commandSchemas)).toEqual(Object.keys(sent))
    expect(Object.keys(commandSchemas)).toHaveLength(27)
  })

  it('refuse a typo in a field, naming the field', () => {
    expect(refusal('timer.start', { type: 'timer.start', secnds: 60 })).toMatch(/^seconds: /)
    expect(refusal('member.rename', { type: 'member.rename', nmae: 'Ada' })).toMatch(/^name: /)
    expect(refusal('notes.edit', { type: 'notes.edit', noteID: 'n1', text: 'x' })).toMatch(
      /^noteId: /,
    )
    expect(refusal('lock.set', { type: 'lock.set', target: 'frame', locked: true })).not.toBeNull()
  })

  it('refuse a value out of bounds with the message people see', () => {
    expect(refusal('timer.start', { type: 'timer.start', seconds: 4 * 60 * 60 + 1 })).toMatch(
      /^seconds: /,
    )
    expect(refusal('member.rename', { type: 'member.rename', name: '  ' })).toBe(
      'name: must not be empty',
    )
    expect(refusal('notes.add', { type: 'notes.add', text: 'a\u0007b' })).toBe(
      'text: must not contain control characters',
    )
    expect(
      refusal('lock.set', { type: 'lock.set', target: 'frames', frameIds: ['x'], locked: true }),
    ).toBe('frameIds.0: must be a shape id')
  })

  it('[fac:AI5] an action item has exactly one owner: a member, or someone outside by name', () => {
    const base = { type: 'action.set', noteId: 'shape:n', text: 'Do it' }
    expect(refusal('action.set', base)).toMatch(/^ownerId: one owner/)
    expect(refusal('action.set', { ...base, ownerId: 'm', externalOwner: 'Zed' })).toMatch(
      /^ownerId: one owner/,
    )
    expect(refusal('action.set', { ...base, ownerId: 'm', text: ' ' })).toBe(
      'text: must not be empty',
    )
    expect(refusal('action.set', { ...base, ownerId: 'm', due: 'soon' })).toMatch(/^due: /)
  })

  it('fill in defaults the web app may leave out', () => {
    expect(commandSchemas['vote.cast'].parse({ type: 'vote.cast', itemId: 'shape:a' })).toEqual({
      type: 'vote.cast',
      itemId: 'shape:a',
      delta: 1,
    })
    expect(commandSchemas['notes.add'].parse({ type: 'notes.add', text: ' hi ' })).toEqual({
      type: 'notes.add',
      text: 'hi',
      region: null,
    })
  })

  it('do not compile with a misspelt command or field', () => {
    // @ts-expect-error: no such command
    const unknown: RoomCommand = { type: 'vote.opne' }
    // @ts-expect-error: a misspelt field
    const misspelt: RoomCommand = { type: 'timer.start', secnds: 60 }
    // @ts-expect-error: a misspelt optional field
    const optional: RoomCommand = { type: 'summon', viewprt: { x: 0, y: 0, w: 1, h: 1 } }
    // @ts-expect-error: a field of the wrong type
    const wrong: RoomCommand = { type: 'room.settings', anonymous: 'yes' }
    // @ts-expect-error: a template action's misspelt field
    const action: RoomCommand = { type: 'theme.discuss', theme: 'shape:a' }
    expect([unknown, misspelt, optional, wrong, action]).toHaveLength(5)
  })

  it('type what each command answers', () => {
    expectTypeOf<CommandResult<'vote.cast'>>().toEqualTypeOf<BallotView>()
    expectTypeOf<CommandResult<'timer.start'>>().toEqualTypeOf<StateChanged>()
    expectTypeOf<CommandResult<'stance.give'>>().toEqualTypeOf<TemplateActionResult>()
  })
})
