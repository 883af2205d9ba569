import type { RoomState } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import { defaultOptions } from '../options.js'
import type { PreviousWorkshop } from '../template.js'
import {
  act,
  ada,
  bo,
  closedVote,
  cy,
  frame,
  members,
  note,
  page,
  stateFor,
  vi,
  withData,
  optionsFor,
} from '../testing/fixtures.js'
import { retroFormats } from './formats.js'
import { retro } from './index.js'
import { nextTheme, type RetroResult } from './result.js'

const options = (given: Record<string, unknown> = {}) => optionsFor(retro, given)

const previous: PreviousWorkshop = {
  roomId: 'room-41',
  title: 'Sprint 41 retro',
  openActions: [
    { text: 'Fix the flaky test', ownerName: 'Bo', due: '2025-03-01' },
    { text: 'Write the runbook', ownerName: 'Cy', due: null },
  ],
}

function resultOf(
  records: readonly unknown[],
  {
    state,
    data,
    given = {},
  }: { state?: RoomState; data?: Record<string, unknown>; given?: Record<string, unknown> } = {},
): RetroResult {
  const opts = options(given)
  const plan = retro.create(opts, null)
  return retro.result({
    title: 'Sprint 42 retro',
    options: opts,
    state: state ?? stateFor(retro, given, 'discuss'),
    data: data ?? plan.data,
    records,
    members,
  }) as RetroResult
}

const action = (
  id: string,
  text: string,
  parentId: string,
  owner: { id: string; name: string },
  due: string | null,
) =>
  note(id, text, parentId, { meta: { action: { ownerId: owner.id, ownerName: owner.name, due } } })

/** A start/stop/continue board with three themes in board order t1, t2, t3. */
const board = [
  frame('shape:start', 'Start', { region: 'start' }),
  frame('shape:stop', 'Stop', { region: 'stop', x: 600 }),
  frame('shape:continue', 'Continue', { region: 'continue', x: 1200 }),
  frame('shape:t1', 'Testing', { parentId: 'shape:start', y: 400 }),
  frame('shape:t2', 'Meetings', { parentId: 'shape:stop', y: 400 }),
  frame('shape:t3', 'Pairing', { parentId: 'shape:continue', y: 400 }),
  note('shape:n1', 'Write more tests', 'shape:t1'),
  note('shape:n2', 'Long standups', 'shape:t2'),
  note('shape:n3', 'Too many meetings', 'shape:t2'),
  note('shape:n4', 'Pair on hard bugs', 'shape:t3'),
  note('shape:n5', 'Demo every week', 'shape:start', { y: 100 }),
  note('shape:n6', 'Not on the board', page),
]

describe('retro: phases', () => {
  for (const format of retroFormats) {
    it(`${format.id}: set the stage, write, reveal, group, vote, discuss, actions, close`, () => {
      const plan = retro.create(options({ format: format.id }), null)
      expect(plan.phases.map((phase) => phase.id)).toEqual([
        'set-the-stage',
        'write',
        'reveal',
        'group',
        'vote',
        'discuss',
        'actions',
        'close',
      ])
    })
  }

  it('writing is private and timed by the writingMinutes option, and names the columns', () => {
    const plan = retro.create(options({ format: 'mad-sad-glad', writingMinutes: 9 }), null)
    const write = plan.phases.find((phase) => phase.id === 'write')
    expect(write?.rules).toMatchObject({ privateWriting: true, boardEditing: false })
    expect(write?.timerMinutes).toBe(9)
    expect(write?.instructions).toContain('Mad, Sad, Glad')
    expect(retro.create(options(), null).phases.find((p) => p.id === 'write')?.timerMinutes).toBe(5)
  })

  it('only the vote phase allows voting, and it tells people how many dots they have', () => {
    const plan = retro.create(options({ dots: 5 }), null)
    const voting = plan.phases.filter((phase) => phase.rules.voting).map((phase) => phase.id)
    expect(voting).toEqual(['vote'])
    expect(plan.phases.find((p) => p.id === 'vote')?.instructions).toContain('You have 5 dots')
    const one = retro.create(options({ dots: 1 }), null)
    expect(one.phases.find((p) => p.id === 'vote')?.instructions).toContain('You have 1 dot:')
  })

  it('the facilitator reveals the notes in the reveal phase; only writing is private', () => {
    const plan = retro.create(options(), null)
    expect(plan.phases.find((p) => p.id === 'reveal')?.rules.reveal).toBe('facilitator')
    expect(plan.phases.filter((p) => p.rules.privateWriting).map((p) => p.id)).toEqual(['write'])
  })

  it('is anonymous when the option says so', () => {
    expect(retro.create(options(), null).anonymous).toBe(false)
    expect(retro.create(options({ anonymous: true }), null).anonymous).toBe(true)
  })
})

describe('retro: columns', () => {
  const columns: Record<string, string[]> = {
    'start-stop-continue': ['Start', 'Stop', 'Continue'],
    'mad-sad-glad': ['Mad', 'Sad', 'Glad'],
    '4ls': ['Liked', 'Learned', 'Lacked', 'Longed for'],
    sailboat: ['Wind', 'Anchors', 'Rocks', 'Island'],
  }
  for (const [format, titles] of Object.entries(columns)) {
    it(`${format}: one collecting region per column, left to right`, () => {
      const plan = retro.create(options({ format }), null)
      expect(plan.regions.map((region) => region.title)).toEqual(titles)
      expect(plan.regions.every((region) => region.collects && region.prompt !== '')).toBe(true)
      const xs = plan.regions.map((region) => region.x)
      expect(xs).toEqual([...xs].sort((a, b) => a - b))
      expect(new Set(plan.regions.map((region) => region.y)).size).toBe(1)
      expect(plan.data.format).toBe(format)
    })
  }

  it('offers exactly the four formats, start/stop/continue by default', () => {
    expect(retroFormats.map((format) => format.id)).toEqual(Object.keys(columns))
    expect(defaultOptions(retro.optionFields).format).toBe('start-stop-continue')
    expect(
      retro.create(defaultOptions(retro.optionFields), null).regions.map((r) => r.key),
    ).toEqual(['start', 'stop', 'continue'])
  })

  it('starts with nothing discussed and no review', () => {
    expect(retro.create(options(), null).data).toEqual({
      format: 'start-stop-continue',
      discussing: null,
      discussed: [],
      notes: {},
      review: [],
      previous: null,
    })
  })
})

describe('retro: following up an earlier retro', () => {
  const plan = retro.create(options({ format: 'sailboat' }), previous)

  it('opens with a review of the last retro’s actions', () => {
    expect(plan.phases.map((phase) => phase.id)).toEqual([
      'review',
      'set-the-stage',
      'write',
      'reveal',
      'group',
      'vote',
      'discuss',
      'actions',
      'close',
    ])
    expect(plan.phases[0]?.instructions).toContain('Sprint 41 retro')
  })

  it('adds a review region first, seeded with the open actions as notes', () => {
    expect(plan.regions.map((region) => region.key)).toEqual([
      'review',
      'wind',
      'anchors',
      'rocks',
      'island',
    ])
    const review = plan.regions[0]
    expect(review?.collects).toBe(false)
    expect(review?.prompt).toContain('Sprint 41 retro')
    expect(review?.notes).toEqual([
      {
        text: 'Fix the flaky test',
        meta: { reviewOf: 'room-41', ownerName: 'Bo', due: '2025-03-01' },
      },
      { text: 'Write the runbook', meta: { reviewOf: 'room-41', ownerName: 'Cy', due: null } },
    ])
  })

  it('keeps the actions to review, all still open, and where they came from', () => {
    expect(plan.data.review).toEqual([
      { text: 'Fix the flaky test', ownerName: 'Bo', due: '2025-03-01', status: 'open' },
      { text: 'Write the runbook', ownerName: 'Cy', due: null, status: 'open' },
    ])
    expect(plan.data.previous).toEqual({ roomId: 'room-41', title: 'Sprint 41 retro' })
  })

  it('without a previous retro, has no review phase or region', () => {
    const fresh = retro.create(options({ format: 'sailboat' }), null)
    expect(fresh.phases.some((phase) => phase.id === 'review')).toBe(false)
    expect(fresh.regions.some((region) => region.key === 'review')).toBe(false)
  })
})

describe('retro: result', () => {
  it('[tpl:RE1] themes are ranked by the closed vote, most dots first', () => {
    const state = {
      ...stateFor(retro, {}, 'discuss'),
      vote: closedVote({ 'shape:t1': 1, 'shape:t2': 4, 'shape:t3': 2 }),
    }
    const result = resultOf(board, { state })
    expect(result.themes.map((theme) => [theme.name, theme.dots, theme.rank])).toEqual([
      ['Meetings', 4, 1],
      ['Pairing', 2, 2],
      ['Testing', 1, 3],
    ])
    expect(result.themes[0]?.notes).toEqual(['Long standups', 'Too many meetings'])
    expect(result.vote).toEqual({ dotsPerPerson: 3, voters: 3 })
  })

  it('[tpl:RE1] tied themes share a rank and keep board order; unvoted themes come last', () => {
    const state = {
      ...stateFor(retro, {}, 'discuss'),
      vote: closedVote({ 'shape:t3': 2, 'shape:t2': 2 }),
    }
    const result = resultOf(board, { state })
    expect(result.themes.map((theme) => [theme.id, theme.dots, theme.rank])).toEqual([
      ['shape:t2', 2, 1],
      ['shape:t3', 2, 1],
      ['shape:t1', null, null],
    ])
  })

  it('[tpl:RE1] without a closed vote, themes are in board order and unranked', () => {
    const open = {
      ...stateFor(retro, {}, 'vote'),
      vote: {
        ...closedVote({ 'shape:t3': 9 }),
        status: 'open' as const,
        results: null,
        voters: null,
      },
    }
    for (const state of [stateFor(retro, {}, 'vote'), open]) {
      const result = resultOf(board, { state })
      expect(result.themes.map((theme) => [theme.id, theme.dots, theme.rank])).toEqual([
        ['shape:t1', null, null],
        ['shape:t2', null, null],
        ['shape:t3', null, null],
      ])
      expect(result.vote).toBeNull()
    }
  })

  it('[tpl:RE1] lists each column’s notes, nested ones included, in reading order', () => {
    const result = resultOf(board)
    expect(result.columns).toEqual([
      { key: 'start', title: 'Start', notes: ['Demo every week', 'Write more tests'] },
      { key: 'stop', title: 'Stop', notes: ['Long standups', 'Too many meetings'] },
      { key: 'continue', title: 'Continue', notes: ['Pair on hard bugs'] },
    ])
    expect(result.columns.flatMap((c) => c.notes)).not.toContain('Not on the board')
  })

  it('[tpl:RE1] carries the format, team, actions, review and who took part', () => {
    const records = [
      ...board,
      action('shape:a1', 'Book a room', 'shape:start', bo, '2025-04-01'),
      action('shape:a2', 'Cut the standup', page, cy, null),
    ]
    const data = retro.create(options({ format: 'mad-sad-glad' }), previous).data
    const result = resultOf(records, { data, given: { format: 'mad-sad-glad', team: 'Core' } })
    expect(result.template).toBe('retro')
    expect(result.title).toBe('Sprint 42 retro')
    expect(result.format).toEqual({ id: 'mad-sad-glad', name: 'Mad / Sad / Glad' })
    expect(result.team).toBe('Core')
    expect(result.actions).toEqual([
      {
        shapeId: 'shape:a1',
        text: 'Book a room',
        ownerId: 'bo',
        ownerName: 'Bo',
        due: '2025-04-01',
        status: 'open',
        id: null,
      },
      {
        shapeId: 'shape:a2',
        text: 'Cut the standup',
        ownerId: 'cy',
        ownerName: 'Cy',
        due: null,
        status: 'open',
        id: null,
      },
    ])
    expect(result.review.map((item) => item.status)).toEqual(['open', 'open'])
    expect(result.previous).toEqual({ roomId: 'room-41', title: 'Sprint 41 retro' })
    expect(result.participants.map((p) => p.id)).toEqual(['ada', 'bo', 'cy'])
  })

  it('reads malformed state as empty rather than failing', () => {
    const result = resultOf(board, {
      data: { discussed: 'x', notes: { 'shape:t1': 3 }, review: [{ text: 1 }], previous: 'y' },
    })
    expect(result.themes.every((theme) => !theme.discussed && theme.discussionNote === '')).toBe(
      true,
    )
    expect(result.review).toEqual([])
    expect(result.previous).toBeNull()
  })
})

describe('retro: discussion', () => {
  const discuss = stateFor(retro, {}, 'discuss')

  it('theme.discuss spotlights the theme for everyone and marks it discussed, once', () => {
    const first = act(retro, discuss, 'theme.discuss', { themeId: 'shape:t2' })
    expect(first).toMatchObject({
      ok: true,
      value: { spotlight: 'shape:t2', data: { discussing: 'shape:t2', discussed: ['shape:t2'] } },
    })
    if (!first.ok) return
    const second = act(retro, withData(discuss, first.value.data), 'theme.discuss', {
      themeId: 'shape:t1',
    })
    if (!second.ok) throw new Error(second.error)
    const again = act(retro, withData(discuss, second.value.data), 'theme.discuss', {
      themeId: 'shape:t2',
    })
    if (!again.ok) throw new Error(again.error)
    expect(again.value.data).toMatchObject({
      discussing: 'shape:t2',
      discussed: ['shape:t2', 'shape:t1'],
    })
    expect(again.value.data?.format).toBe('start-stop-continue')
  })

  it('theme.discuss with no theme clears the spotlight and keeps what was discussed', () => {
    const started = act(retro, discuss, 'theme.discuss', { themeId: 'shape:t1' })
    if (!started.ok) throw new Error(started.error)
    const cleared = act(retro, withData(discuss, started.value.data), 'theme.discuss', {
      themeId: null,
    })
    expect(cleared).toMatchObject({
      ok: true,
      value: { spotlight: null, data: { discussing: null, discussed: ['shape:t1'] } },
    })
  })

  it('theme.discuss refuses something that is not a shape id, naming the field', () => {
    expect(act(retro, discuss, 'theme.discuss', { themeId: 'drop table' })).toEqual({
      ok: false,
      error: 'themeId: must be a shape id',
      invalid: true,
    })
    expect(act(retro, discuss, 'theme.discuss', {}).ok).toBe(false)
  })

  it('theme.note keeps what was said per theme, and the result shows it', () => {
    const noted = act(retro, discuss, 'theme.note', {
      themeId: 'shape:t2',
      note: '  Standups drift.\nTimebox them.  ',
    })
    if (!noted.ok) throw new Error(noted.error)
    expect(noted.value.data?.notes).toEqual({ 'shape:t2': 'Standups drift.\nTimebox them.' })
    const talked = act(retro, withData(discuss, noted.value.data), 'theme.discuss', {
      themeId: 'shape:t2',
    })
    if (!talked.ok) throw new Error(talked.error)
    const result = resultOf(board, { data: talked.value.data })
    const meetings = result.themes.find((theme) => theme.id === 'shape:t2')
    expect(meetings).toMatchObject({
      discussed: true,
      discussionNote: 'Standups drift.\nTimebox them.',
    })
    expect(result.themes.find((theme) => theme.id === 'shape:t1')).toMatchObject({
      discussed: false,
      discussionNote: '',
    })
  })

  it('theme.note refuses control characters and overlong notes', () => {
    expect(act(retro, discuss, 'theme.note', { themeId: 'shape:t1', note: 'a\u0007b' }).ok).toBe(
      false,
    )
    expect(
      act(retro, discuss, 'theme.note', { themeId: 'shape:t1', note: 'x'.repeat(2001) }),
    ).toMatchObject({ ok: false, error: 'note: must be at most 2000 characters' })
  })

  it('its actions are for the facilitator', () => {
    for (const name of ['theme.discuss', 'theme.note', 'review.mark'] as const) {
      expect(retro.actions[name]?.requires).toBe('room.facilitate')
    }
  })

  it('[tpl:RE2] nextTheme is the best-ranked theme not yet discussed', () => {
    const state = { ...discuss, vote: closedVote({ 'shape:t1': 1, 'shape:t2': 4, 'shape:t3': 2 }) }
    const data = retro.create(options(), null).data
    expect(nextTheme(resultOf(board, { state, data }))?.id).toBe('shape:t2')
    const some = { ...data, discussed: ['shape:t2'] }
    expect(nextTheme(resultOf(board, { state, data: some }))?.id).toBe('shape:t3')
    const all = { ...data, discussed: ['shape:t2', 'shape:t3', 'shape:t1'] }
    expect(nextTheme(resultOf(board, { state, data: all }))).toBeNull()
    expect(nextTheme(resultOf([], { state, data }))).toBeNull()
  })
})

describe('retro: reviewing the last retro’s actions', () => {
  const data = retro.create(options(), previous).data
  const reviewing = withData(stateFor(retro, {}, 'set-the-stage'), data)

  it('review.mark sets one item’s status and leaves the others', () => {
    const marked = act(retro, reviewing, 'review.mark', { index: 1, status: 'done' })
    if (!marked.ok) throw new Error(marked.error)
    expect(marked.value.data?.review).toEqual([
      { text: 'Fix the flaky test', ownerName: 'Bo', due: '2025-03-01', status: 'open' },
      { text: 'Write the runbook', ownerName: 'Cy', due: null, status: 'done' },
    ])
    const dropped = act(retro, withData(reviewing, marked.value.data), 'review.mark', {
      index: 0,
      status: 'dropped',
    })
    if (!dropped.ok) throw new Error(dropped.error)
    expect((dropped.value.data?.review as { status: string }[]).map((item) => item.status)).toEqual(
      ['dropped', 'done'],
    )
  })

  it('review.mark refuses an index with no action, and bad input', () => {
    expect(act(retro, reviewing, 'review.mark', { index: 2, status: 'done' })).toEqual({
      ok: false,
      error: 'there is no action 3 to review',
    })
    const fresh = stateFor(retro, {}, 'set-the-stage')
    expect(act(retro, fresh, 'review.mark', { index: 0, status: 'done' })).toEqual({
      ok: false,
      error: 'there is no action 1 to review',
    })
    expect(act(retro, reviewing, 'review.mark', { index: -1, status: 'done' })).toMatchObject({
      ok: false,
      invalid: true,
    })
    expect(act(retro, reviewing, 'review.mark', { index: 0.5, status: 'done' }).ok).toBe(false)
    expect(act(retro, reviewing, 'review.mark', { index: 0, status: 'finished' })).toMatchObject({
      ok: false,
      invalid: true,
    })
  })
})

describe('retro: open actions', () => {
  it('are the review items still open plus the actions on the board', () => {
    const marked = act(
      retro,
      withData(stateFor(retro, {}, 'actions'), retro.create(options(), previous).data),
      'review.mark',
      { index: 0, status: 'done' },
    )
    if (!marked.ok) throw new Error(marked.error)
    const records = [
      ...board,
      action('shape:a1', 'Timebox standups', 'shape:stop', ada, '2025-04-01'),
      note('shape:plain', 'Not an action', 'shape:stop'),
    ]
    const result = resultOf(records, { data: marked.value.data })
    expect(retro.openActions(result)).toEqual([
      { text: 'Write the runbook', ownerName: 'Cy', due: null },
      { text: 'Timebox standups', ownerName: 'Ada', due: '2025-04-01' },
    ])
  })

  it('drop dropped review items, and are none on an empty board with no review', () => {
    const data = {
      ...retro.create(options(), previous).data,
      review: [
        { text: 'Old', ownerName: 'Bo', due: null, status: 'dropped' },
        { text: 'Kept', ownerName: 'Vi', due: null, status: 'open' },
      ],
    }
    expect(retro.openActions(resultOf([], { data }))).toEqual([
      { text: 'Kept', ownerName: vi.name, due: null },
    ])
    expect(retro.openActions(resultOf([]))).toEqual([])
  })
})
