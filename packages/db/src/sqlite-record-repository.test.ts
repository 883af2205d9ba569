import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ActionDraft,
  DecisionContent,
  DecisionDraft,
  RecordSource,
  RiskRecord,
  ThemeRecord,
  WorkshopRecords,
} from '@accord/records'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqliteRecordRepository } from './sqlite-record-repository.js'
import { SqliteRoomRepository } from './sqlite-room-repository.js'

let dir: string
let handle: SqliteHandle
let records: SqliteRecordRepository

const path = () => join(dir, 'db.sqlite')

function open() {
  handle = openSqlite({ path: path() })
  records = new SqliteRecordRepository(handle.db)
}

async function room(id: string, title: string, template: string) {
  await new SqliteRoomRepository(handle.db).create(
    { id, title, createdAt: new Date(1), template, previousRoomId: null },
    { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
  )
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'accord-records-'))
  open()
  await room('r', 'Database choice', 'disagree-and-commit')
  await room('retro', 'Sprint 12 retro', 'retro')
})

afterEach(() => {
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

const at = (iso: string) => new Date(iso)
const source = (roomId = 'r', shapeIds: string[] = []): RecordSource => ({
  roomId,
  workshopTitle: roomId === 'r' ? 'Database choice' : 'Sprint 12 retro',
  template: roomId === 'r' ? 'disagree-and-commit' : 'retro',
  shapeIds,
})

const content = (over: Partial<DecisionContent> = {}): DecisionContent => ({
  title: 'Move to PostgreSQL',
  context: 'SQLite limits concurrent writers',
  drivers: ['Growth'],
  options: [
    { title: 'PostgreSQL', pros: 'Mature', cons: 'Another service' },
    { title: 'Stay on SQLite', pros: 'Simple', cons: 'One writer' },
  ],
  chosenOption: 'PostgreSQL',
  decision: 'We move the server to PostgreSQL',
  rationale: 'Concurrent workshops',
  consequences: 'Ops runs a database',
  decisionMakers: ['Ada Lovelace'],
  consulted: ['Bo'],
  informed: [],
  participants: ['Ada Lovelace', 'Bo'],
  stances: [{ name: 'Bo', stance: 'Disagree but commit', reason: 'Cost' }],
  dissent: [{ name: 'Bo', stance: 'Disagree but commit', reason: 'Cost' }],
  commitments: [{ name: 'Bo', at: '2026-11-20T10:00:00.000Z' }],
  tags: ['Infrastructure'],
  ...over,
})

const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  ...content(),
  status: 'accepted',
  date: '2026-11-20',
  source: source('r', ['shape:proposal']),
  ...over,
})

const action = (key: string, over: Partial<ActionDraft> = {}): ActionDraft => ({
  key,
  source: source('retro', [key]),
  text: `Do ${key}`,
  ownerName: 'Ada',
  due: null,
  status: 'open',
  ...over,
})

const workshop = (over: Partial<WorkshopRecords> = {}): WorkshopRecords => ({
  source: source('retro'),
  decision: null,
  actions: [],
  risks: [],
  themes: [],
  insights: [],
  needs: [],
  ...over,
})

/** The content column exactly as SQLite holds it. */
const storedContent = (number: number) =>
  handle.sqlite.prepare('select content from decision_records where number = ?').pluck().get(number)

describe('SqliteRecordRepository: saving a workshop', () => {
  it('upserts action items by key: no duplicates, statuses kept, changes logged', async () => {
    const first = await records.saveWorkshop(
      workshop({ actions: [action('a'), action('b', { ownerName: 'Bo', due: '2026-12-01' })] }),
      'Facilitator',
      at('2026-11-20T10:00:00Z'),
    )
    expect(first.actions.map((a) => [a.id, a.status, a.history])).toEqual([
      ['AI-1', 'open', []],
      ['AI-2', 'open', []],
    ])
    await records.updateActionItem('AI-1', { status: 'done' }, 'Ada', at('2026-11-21T09:00:00Z'))

    const again = await records.saveWorkshop(
      workshop({
        actions: [
          action('a', { text: 'Do a, properly' }),
          action('b', { ownerName: 'Cy', due: '2026-12-01' }),
          action('c'),
        ],
      }),
      'Facilitator',
      at('2026-11-22T10:00:00Z'),
    )
    expect(again.actions.map((a) => [a.id, a.text, a.ownerName, a.status])).toEqual([
      ['AI-1', 'Do a, properly', 'Ada', 'done'],
      ['AI-2', 'Do b', 'Cy', 'open'],
      ['AI-3', 'Do c', 'Ada', 'open'],
    ])
    expect(again.actions[1]?.history).toEqual([
      { field: 'owner', from: 'Bo', to: 'Cy', by: 'Facilitator', at: '2026-11-22T10:00:00.000Z' },
    ])
    expect(again.actions[0]?.history.map((change) => change.field)).toEqual(['status', 'text'])
    expect(await records.actionItems({ roomId: 'retro' })).toHaveLength(3)
  })

  it("replaces the workshop's risks, themes, insights and needs as a whole", async () => {
    const risk = (name: string, rank: number): RiskRecord => ({
      name,
      reasons: ['Because'],
      rank,
      score: 6,
      likelihood: 2,
      impact: 3,
      mitigation: null,
      ownerName: null,
      shapeId: `shape:${name}`,
    })
    const theme: ThemeRecord = {
      name: 'Flaky CI',
      notes: ['Red builds', 'Retries'],
      dots: 5,
      rank: 1,
      discussionNote: 'Quarantine flaky tests',
      shapeId: 'shape:ci',
    }
    await records.saveWorkshop(
      workshop({
        risks: [risk('Outage', 1), risk('Churn', 2)],
        themes: [theme],
        insights: ['Wants speed'],
        needs: ['Fewer clicks', 'Offline mode'],
      }),
      null,
      at('2026-11-20T10:00:00Z'),
    )
    expect(await records.workshopOutputs('retro')).toEqual({
      risks: [risk('Outage', 1), risk('Churn', 2)],
      themes: [theme],
      insights: ['Wants speed'],
      needs: ['Fewer clicks', 'Offline mode'],
    })

    await records.saveWorkshop(
      workshop({ risks: [risk('Churn', 1)] }),
      null,
      at('2026-11-21T10:00:00Z'),
    )
    expect(await records.workshopOutputs('retro')).toEqual({
      risks: [risk('Churn', 1)],
      themes: [],
      insights: [],
      needs: [],
    })
    expect(await records.workshopOutputs('r')).toEqual({
      risks: [],
      themes: [],
      insights: [],
      needs: [],
    })
  })

  it('a decision is inserted, edited while proposed, then superseded once accepted', async () => {
    const save = (decision: DecisionDraft, iso: string) =>
      records.saveWorkshop(workshop({ source: source('r'), decision }), 'Ada', at(iso))

    const proposed = await save(draft({ status: 'proposed', decision: '' }), '2026-11-20T10:00:00Z')
    expect(proposed.decision).toMatchObject({ id: 'DR-1', status: 'proposed', decision: '' })
    expect(proposed.decision?.history).toEqual([
      { status: 'proposed', by: 'Ada', at: '2026-11-20T10:00:00.000Z', note: '' },
    ])

    // Still proposed: its content is edited in place; then deciding accepts the same record.
    const edited = await save(draft({ status: 'proposed', decision: 'Maybe' }), '2026-11-20T11:00Z')
    expect(edited.decision).toMatchObject({ id: 'DR-1', status: 'proposed', decision: 'Maybe' })
    const accepted = await save(draft(), '2026-11-20T12:00:00Z')
    expect(accepted.decision).toMatchObject({ id: 'DR-1', status: 'accepted' })
    expect(accepted.decision?.decision).toBe('We move the server to PostgreSQL')
    expect(accepted.decision?.history.map((e) => [e.status, e.by, e.at])).toEqual([
      ['proposed', 'Ada', '2026-11-20T10:00:00.000Z'],
      ['accepted', 'Ada', '2026-11-20T12:00:00.000Z'],
    ])

    // Closing again with the same content changes nothing.
    const before = storedContent(1)
    expect((await save(draft(), '2026-11-21T09:00:00Z')).decision).toEqual(accepted.decision)

    // Different content: a new record supersedes the accepted one, which is kept as it was.
    const changed = await save(draft({ rationale: 'Cost too' }), '2026-11-22T09:00:00Z')
    expect(changed.decision).toMatchObject({
      id: 'DR-2',
      status: 'accepted',
      rationale: 'Cost too',
      supersedes: 'DR-1',
      supersededBy: null,
    })
    const original = await records.decision('DR-1')
    expect(original).toMatchObject({ status: 'superseded', supersededBy: 'DR-2' })
    expect(original?.history.at(-1)).toEqual({
      status: 'superseded',
      by: 'Ada',
      at: '2026-11-22T09:00:00.000Z',
      note: 'superseded by DR-2',
    })
    expect(storedContent(1)).toBe(before)
    expect((await records.decisionsOfRoom('r')).map((d) => [d.id, d.status])).toEqual([
      ['DR-1', 'superseded'],
      ['DR-2', 'accepted'],
    ])

    // Reopened and closed again before deciding anew: the settled decision stands.
    const reopened = await save(draft({ status: 'proposed', decision: '' }), '2026-11-23T09:00Z')
    expect(reopened.decision).toMatchObject({ id: 'DR-2', status: 'accepted' })
    expect(await records.decisionsOfRoom('r')).toHaveLength(2)
  })

  it('closing again with an unchanged board keeps a decision superseded by hand since', async () => {
    const save = (decision: DecisionDraft, iso: string) =>
      records.saveWorkshop(workshop({ source: source('r'), decision }), 'Ada', at(iso))
    await save(draft(), '2026-11-20T10:00:00Z')
    const manual = await records.supersedeDecision(
      'DR-1',
      content({ decision: 'We move to PostgreSQL 17' }),
      'Bo',
      at('2026-11-21T10:00:00Z'),
    )
    expect(manual?.ok && manual.value.successor).toMatchObject({ id: 'DR-2' })

    // The board still says what DR-1 said: DR-2 stands.
    const again = await save(draft(), '2026-11-22T10:00:00Z')
    expect(again.decision).toMatchObject({ id: 'DR-2', status: 'accepted' })
    expect((await records.decisionsOfRoom('r')).map((d) => [d.id, d.status])).toEqual([
      ['DR-1', 'superseded'],
      ['DR-2', 'accepted'],
    ])

    // A decision changed on the board since supersedes it as before.
    const changed = await save(draft({ rationale: 'Cost too' }), '2026-11-23T10:00:00Z')
    expect(changed.decision).toMatchObject({ id: 'DR-3', supersedes: 'DR-2' })
  })

  it('people who commit after the decision was saved join it, without a new record', async () => {
    const save = (decision: DecisionDraft, iso: string) =>
      records.saveWorkshop(workshop({ source: source('r'), decision }), 'Ada', at(iso))
    await save(draft(), '2026-11-20T10:00:00Z')
    const cy = { name: 'Cy', at: '2026-11-20T11:00:00.000Z' }
    const again = await save(
      draft({ commitments: [...content().commitments, cy] }),
      '2026-11-20T12:00:00Z',
    )
    expect(again.decision).toMatchObject({ id: 'DR-1', status: 'accepted' })
    expect(again.decision?.commitments.map((c) => c.name)).toEqual(['Bo', 'Cy'])
    expect(await records.decisionsOfRoom('r')).toHaveLength(1)
  })

  it('a follow-up change stands when the board did not change that field since the last save', async () => {
    const save = (actions: ActionDraft[], iso: string) =>
      records.saveWorkshop(workshop({ actions }), 'Facilitator', at(iso))
    await save([action('a', { ownerName: 'Bo' })], '2026-11-20T10:00:00Z')
    await records.updateActionItem('AI-1', { ownerName: 'Cy' }, 'Cy', at('2026-11-21T09:00:00Z'))

    // Closing again with the board as it was: Cy keeps the item.
    const again = await save([action('a', { ownerName: 'Bo' })], '2026-11-22T10:00:00Z')
    expect(again.actions[0]).toMatchObject({ ownerName: 'Cy' })
    expect(again.actions[0]?.history).toHaveLength(1)

    // Someone gives it to Di on the board: that is newer, and it is taken (and logged).
    const reassigned = await save([action('a', { ownerName: 'Di' })], '2026-11-23T10:00:00Z')
    expect(reassigned.actions[0]).toMatchObject({ ownerName: 'Di' })
    expect(reassigned.actions[0]?.history.at(-1)).toEqual({
      field: 'owner',
      from: 'Cy',
      to: 'Di',
      by: 'Facilitator',
      at: '2026-11-23T10:00:00.000Z',
    })
  })
})

describe('SqliteRecordRepository: decision records', () => {
  it('supersede: both linked, the original unchanged byte for byte, who and when logged', async () => {
    const first = await records.createDecision(draft(), 'Ada', at('2026-11-20T10:00:00Z'))
    expect(first).toMatchObject({ id: 'DR-1', number: 1, supersedes: null, supersededBy: null })
    const before = storedContent(1)

    const result = await records.supersedeDecision(
      'DR-1',
      content({ decision: 'We move to PostgreSQL 17' }),
      'Bo',
      at('2026-12-01T08:30:00Z'),
      'Version pinned',
    )
    expect(result?.ok).toBe(true)
    if (!result?.ok) return
    const { original, successor } = result.value
    expect(successor).toMatchObject({
      id: 'DR-2',
      status: 'accepted',
      date: '2026-12-01',
      decision: 'We move to PostgreSQL 17',
      supersedes: 'DR-1',
      source: first.source,
    })
    expect(successor.history).toEqual([
      { status: 'accepted', by: 'Bo', at: '2026-12-01T08:30:00.000Z', note: 'Version pinned' },
    ])
    expect(original).toEqual({
      ...first,
      status: 'superseded',
      supersededBy: 'DR-2',
      history: [
        ...first.history,
        { status: 'superseded', by: 'Bo', at: '2026-12-01T08:30:00.000Z', note: 'Version pinned' },
      ],
    })
    expect(storedContent(1)).toBe(before)

    // The chain goes on from the successor; the original cannot be superseded twice.
    const third = await records.supersedeDecision('DR-2', content(), 'Cy', at('2026-12-02T00:00Z'))
    expect(third?.ok && third.value.successor).toMatchObject({ id: 'DR-3', supersedes: 'DR-2' })
    expect(await records.decision('DR-2')).toMatchObject({
      supersedes: 'DR-1',
      supersededBy: 'DR-3',
    })
    expect(await records.supersedeDecision('DR-1', content(), 'Cy', new Date())).toEqual({
      ok: false,
      error: 'DR-1 is already superseded by DR-2',
    })
  })

  it("an accepted record's content is never edited; status changes follow the rules", async () => {
    await records.createDecision(draft({ status: 'proposed' }), 'Ada', at('2026-11-20T10:00:00Z'))
    expect(await records.supersedeDecision('DR-1', content(), 'Ada', new Date())).toEqual({
      ok: false,
      error: 'DR-1 is only proposed: edit it instead',
    })

    const accepted = await records.changeDecisionStatus('DR-1', 'accepted', {
      by: 'Ada',
      at: '2026-11-21T10:00:00.000Z',
      note: 'Agreed',
    })
    expect(accepted?.ok && accepted.value.history.at(-1)).toEqual({
      status: 'accepted',
      by: 'Ada',
      at: '2026-11-21T10:00:00.000Z',
      note: 'Agreed',
    })
    expect(
      await records.changeDecisionStatus('DR-1', 'rejected', {
        by: 'Bo',
        at: '2026-11-22T00:00:00.000Z',
        note: '',
      }),
    ).toEqual({ ok: false, error: 'DR-1 is accepted: it can only be superseded by a new record' })
    expect(
      await records.changeDecisionStatus('DR-1', 'superseded', {
        by: 'Bo',
        at: '2026-11-22T00:00:00.000Z',
        note: '',
      }),
    ).toMatchObject({ ok: false })

    // Saving the workshop with other content does not touch it either: it is superseded.
    const saved = await records.saveWorkshop(
      workshop({ source: source('r'), decision: draft({ title: 'Edited title' }) }),
      null,
      at('2026-11-22T10:00:00Z'),
    )
    expect(saved.decision).toMatchObject({ id: 'DR-2', title: 'Edited title' })
    expect(await records.decision('DR-1')).toMatchObject({
      title: 'Move to PostgreSQL',
      status: 'superseded',
    })

    expect(await records.decision('DR-99')).toBeNull()
    expect(await records.decision('AI-1')).toBeNull()
    expect(
      await records.changeDecisionStatus('nonsense', 'accepted', {
        by: null,
        at: '2026-11-22T00:00:00.000Z',
        note: '',
      }),
    ).toBeNull()
    expect(await records.supersedeDecision('DR-99', content(), null, new Date())).toBeNull()
  })

  it('searches by words, status, decision-maker, template, tag and date, newest first', async () => {
    const create = (over: Partial<DecisionDraft>) =>
      records.createDecision(draft(over), 'Ada', at('2026-11-20T10:00:00Z'))
    await create({}) // DR-1
    await create({
      title: 'Adopt trunk-based development',
      context: 'Long-lived branches hurt',
      options: [{ title: 'Trunk', pros: 'Fast', cons: 'Discipline' }],
      chosenOption: 'Trunk',
      decision: 'Short branches only',
      rationale: 'Fewer merge conflicts',
      decisionMakers: ['Bo'],
      stances: [],
      dissent: [],
      tags: ['process'],
      status: 'proposed',
      date: '2026-11-25',
      source: source('retro'),
    }) // DR-2
    await create({
      title: 'Évaluer la base',
      context: 'Une base pour tous',
      options: [],
      chosenOption: null,
      decision: 'On garde SQLite',
      decisionMakers: ['Élodie'],
      date: '2026-10-01',
    }) // DR-3

    const ids = async (query: Parameters<typeof records.searchDecisions>[0]) =>
      (await records.searchDecisions(query)).map((d) => d.id)
    expect(await ids({})).toEqual(['DR-2', 'DR-1', 'DR-3'])
    expect(await ids({ q: 'postgresql  CONCURRENT' })).toEqual(['DR-1'])
    expect(await ids({ q: 'postgresql branches' })).toEqual([])
    expect(await ids({ q: 'sprint' })).toEqual(['DR-2']) // the workshop's title
    expect(await ids({ q: 'cost' })).toEqual(['DR-1', 'DR-3']) // a dissenter's reason
    expect(await ids({ q: 'évaluer' })).toEqual(['DR-3'])
    expect(await ids({ status: 'proposed' })).toEqual(['DR-2'])
    expect(await ids({ owner: 'ada lovelace' })).toEqual(['DR-1'])
    expect(await ids({ owner: 'ÉLODIE' })).toEqual(['DR-3'])
    expect(await ids({ owner: 'Ada' })).toEqual([]) // a whole name, not a part of one
    expect(await ids({ template: 'retro' })).toEqual(['DR-2'])
    expect(await ids({ tag: 'INFRASTRUCTURE' })).toEqual(['DR-1', 'DR-3'])
    expect(await ids({ from: '2026-11-01', to: '2026-11-20' })).toEqual(['DR-1'])
    expect(await ids({ from: '2026-11-21' })).toEqual(['DR-2'])
    expect(await ids({ q: 'move', status: 'accepted', to: '2026-10-31' })).toEqual([])
  })
})

describe('SqliteRecordRepository: action items', () => {
  beforeEach(async () => {
    await records.saveWorkshop(
      workshop({
        actions: [
          action('a', { ownerName: 'Ada', due: '2026-11-15' }),
          action('b', { ownerName: 'Bo', due: '2026-11-30' }),
          action('c', { ownerName: 'ada', due: null }),
        ],
      }),
      null,
      at('2026-11-10T10:00:00Z'),
    )
    await records.saveWorkshop(
      workshop({
        source: source('r'),
        actions: [action('d', { source: source('r'), due: '2026-11-01' })],
      }),
      null,
      at('2026-11-10T10:00:00Z'),
    )
  })

  it('filters by owner, status, workshop and overdue, soonest due first', async () => {
    const ids = async (query: Parameters<typeof records.actionItems>[0]) =>
      (await records.actionItems(query)).map((item) => item.id)
    expect(await ids({})).toEqual(['AI-4', 'AI-1', 'AI-2', 'AI-3'])
    expect(await ids({ owner: 'ADA' })).toEqual(['AI-4', 'AI-1', 'AI-3'])
    expect(await ids({ roomId: 'retro' })).toEqual(['AI-1', 'AI-2', 'AI-3'])
    expect(await ids({ overdueOn: '2026-11-20' })).toEqual(['AI-4', 'AI-1'])

    await records.updateActionItem('AI-1', { status: 'done' }, 'Ada', new Date())
    expect(await ids({ overdueOn: '2026-11-20' })).toEqual(['AI-4'])
    expect(await ids({ status: 'done' })).toEqual(['AI-1'])
    expect(await ids({ status: 'open', owner: 'bo' })).toEqual(['AI-2'])
  })

  it('updates status, owner and due date, each change logged; refusals are values', async () => {
    const updated = await records.updateActionItem(
      'AI-2',
      { status: 'done', ownerName: ' Cy ' },
      'Ada',
      at('2026-11-12T09:00:00Z'),
    )
    const when = '2026-11-12T09:00:00.000Z'
    expect(updated).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: 'AI-2',
        status: 'done',
        ownerName: 'Cy',
        history: [
          { field: 'status', from: 'open', to: 'done', by: 'Ada', at: when },
          { field: 'owner', from: 'Bo', to: 'Cy', by: 'Ada', at: when },
        ],
      }),
    })
    await records.updateActionItem('AI-2', { due: null }, 'Cy', at('2026-11-13T09:00:00Z'))
    expect((await records.actionItem('AI-2'))?.history.at(-1)).toEqual({
      field: 'due',
      from: '2026-11-30',
      to: null,
      by: 'Cy',
      at: '2026-11-13T09:00:00.000Z',
    })
    expect(await records.actionItems({ owner: 'cy' })).toHaveLength(1)

    expect(await records.updateActionItem('AI-2', { status: 'done' }, 'Cy', new Date())).toEqual({
      ok: false,
      error: 'nothing to change',
    })
    expect(await records.updateActionItem('AI-2', { due: 'soon' }, 'Cy', new Date())).toEqual({
      ok: false,
      error: 'due: a date as YYYY-MM-DD',
    })
    expect(await records.updateActionItem('AI-9', { status: 'done' }, 'Cy', new Date())).toBeNull()
    expect(await records.actionItem('DR-2')).toBeNull()
  })
})

describe('SqliteRecordRepository: durability', () => {
  it('keeps every record across a re-open of the database (migrations run again harmlessly)', async () => {
    await records.saveWorkshop(
      workshop({
        source: source('r'),
        decision: draft(),
        actions: [action('a')],
        needs: ['Speed'],
      }),
      'Ada',
      at('2026-11-20T10:00:00Z'),
    )
    await records.supersedeDecision('DR-1', content({ title: 'Later' }), 'Bo', new Date())
    await records.updateActionItem('AI-1', { status: 'done' }, 'Ada', new Date())
    const decisions = await records.searchDecisions()
    const items = await records.actionItems()
    handle.close()

    open()
    expect(await records.searchDecisions()).toEqual(decisions)
    expect(await records.actionItems()).toEqual(items)
    expect((await records.workshopOutputs('r')).needs).toEqual(['Speed'])

    const applied = () =>
      handle.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()
    const count = applied()
    handle.close()
    open()
    expect(applied()).toBe(count)
    expect(await records.decision('DR-2')).toEqual(decisions[0])
  })

  it('outlives its board: deleting the room keeps decisions and action items', async () => {
    await records.saveWorkshop(
      workshop({
        source: source('r'),
        decision: draft(),
        actions: [action('a', { source: source('r') })],
      }),
      'Ada',
      at('2026-11-20T10:00:00Z'),
    )
    handle.sqlite.prepare('delete from rooms where id = ?').run('r')
    expect(await records.decision('DR-1')).toMatchObject({
      title: 'Move to PostgreSQL',
      source: { roomId: '', workshopTitle: 'Database choice', template: 'disagree-and-commit' },
    })
    expect((await records.actionItem('AI-1'))?.source.roomId).toBe('')
    expect(await records.searchDecisions({ q: 'database choice' })).toHaveLength(1)
  })
})
