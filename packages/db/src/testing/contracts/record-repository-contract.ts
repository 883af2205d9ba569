import type {
  ActionDraft,
  DecisionDraft,
  RiskRecord,
  ThemeRecord,
  WorkshopEvent,
} from '@accord/records'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { action, at, content, draft, openWithRooms, source, workshop } from './record-fixtures.js'
import type { OpenStorage, StorageUnderTest } from './storage-under-test.js'

export function describeRecordRepositoryContract(name: string, open: OpenStorage): void {
  describe(`RecordRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    let records: StorageUnderTest['records']
    beforeEach(async () => {
      storage = await openWithRooms(open)
      records = storage.records
    })
    afterEach(() => storage.close())

    describe('saving a workshop', () => {
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
        await records.updateActionItem(
          'AI-1',
          { status: 'done' },
          'Ada',
          at('2026-11-21T09:00:00Z'),
        )

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
          {
            field: 'owner',
            from: 'Bo',
            to: 'Cy',
            by: 'Facilitator',
            at: '2026-11-22T10:00:00.000Z',
          },
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
            needs: ['Fewer clicks', 'Offline mode', '123', 'null'], // strings that look like JSON
          }),
          null,
          at('2026-11-20T10:00:00Z'),
        )
        expect(await records.workshopOutputs('retro')).toEqual({
          risks: [risk('Outage', 1), risk('Churn', 2)],
          themes: [theme],
          insights: ['Wants speed'],
          needs: ['Fewer clicks', 'Offline mode', '123', 'null'], // strings that look like JSON
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

      it('[rec:DR5] a record stored before acknowledgments existed reads back with none', async () => {
        await records.saveWorkshop(
          workshop({ source: source('r'), decision: draft() }),
          'Ada',
          at('2026-11-20T12:00:00Z'),
        )
        const { acknowledgment: _none, ...older } = JSON.parse(
          await storage.storedDecisionContent(1),
        ) as Record<string, unknown>
        await storage.writeDecisionContent(1, JSON.stringify(older))
        const read = await records.decision('DR-1')
        expect(read?.acknowledgment).toBe('')
        expect(read?.decision).toBe('We move the server to PostgreSQL')
        // Saving the same board again is still "nothing changed", not a new record.
        const again = await records.saveWorkshop(
          workshop({ source: source('r'), decision: draft() }),
          'Ada',
          at('2026-11-21T09:00:00Z'),
        )
        expect(again.decision?.id).toBe('DR-1')
      })

      it('a decision is inserted, edited while proposed, then superseded once accepted', async () => {
        const save = (decision: DecisionDraft, iso: string) =>
          records.saveWorkshop(workshop({ source: source('r'), decision }), 'Ada', at(iso))

        const proposed = await save(
          draft({ status: 'proposed', decision: '' }),
          '2026-11-20T10:00:00Z',
        )
        expect(proposed.decision).toMatchObject({ id: 'DR-1', status: 'proposed', decision: '' })
        expect(proposed.decision?.history).toEqual([
          { status: 'proposed', by: 'Ada', at: '2026-11-20T10:00:00.000Z', note: '' },
        ])

        // Still proposed: its content is edited in place; then deciding accepts the same record.
        const edited = await save(
          draft({ status: 'proposed', decision: 'Maybe' }),
          '2026-11-20T11:00Z',
        )
        expect(edited.decision).toMatchObject({ id: 'DR-1', status: 'proposed', decision: 'Maybe' })
        const accepted = await save(draft(), '2026-11-20T12:00:00Z')
        expect(accepted.decision).toMatchObject({ id: 'DR-1', status: 'accepted' })
        expect(accepted.decision?.decision).toBe('We move the server to PostgreSQL')
        // Accepted by its decider (rec:DR8), though Ada saved it.
        expect(accepted.decision?.history.map((e) => [e.status, e.by, e.at, e.note])).toEqual([
          ['proposed', 'Ada', '2026-11-20T10:00:00.000Z', ''],
          ['accepted', 'Ada Lovelace', '2026-11-20T12:00:00.000Z', 'recorded by Ada'],
        ])

        // Closing again with the same content changes nothing.
        const before = await storage.storedDecisionContent(1)
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
        // By the decider of the record that replaced it (rec:DR8).
        expect(original?.history.at(-1)).toEqual({
          status: 'superseded',
          by: 'Ada Lovelace',
          at: '2026-11-22T09:00:00.000Z',
          note: 'superseded by DR-2',
        })
        expect(await storage.storedDecisionContent(1)).toBe(before)
        expect((await records.decisionsOfRoom('r')).map((d) => [d.id, d.status])).toEqual([
          ['DR-1', 'superseded'],
          ['DR-2', 'accepted'],
        ])

        // Reopened and closed again before deciding anew: the settled decision stands.
        const reopened = await save(
          draft({ status: 'proposed', decision: '' }),
          '2026-11-23T09:00Z',
        )
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

      it('[rec:DR4] a commitment after the decision goes to its ledger: the stored content never changes', async () => {
        const save = (decision: DecisionDraft, iso: string) =>
          records.saveWorkshop(workshop({ source: source('r'), decision }), 'Ada', at(iso))
        await save(draft(), '2026-11-20T10:00:00Z')
        const fixed = await storage.storedDecisionContent(1)
        const cy = { name: 'Cy', at: '2026-11-22T11:00:00.000Z' }
        const again = await save(
          draft({ commitments: [...content().commitments, cy] }),
          '2026-11-22T12:00:00Z',
        )
        expect(again.decision).toMatchObject({ id: 'DR-1', status: 'accepted' })
        expect(again.decision?.commitments).toEqual([...content().commitments, cy])
        expect(await storage.storedDecisionContent(1)).toBe(fixed)
        expect(await records.decisionsOfRoom('r')).toHaveLength(1)

        // Committing again, or a save naming them again, appends nothing more.
        const dee = { name: 'Dee', at: '2026-11-23T09:00:00.000Z' }
        const followed = await records.followCommitments(
          draft({ commitments: [...content().commitments, cy, { ...cy, at: dee.at }, dee] }),
        )
        expect(followed?.commitments.map((c) => [c.name, c.at])).toEqual([
          ...content().commitments.map((c) => [c.name, c.at]),
          ['Cy', cy.at],
          ['Dee', dee.at],
        ])
        expect((await records.decision('DR-1'))?.commitments).toEqual(followed?.commitments)
        expect((await records.searchDecisions())[0]?.commitments).toEqual(followed?.commitments)
        expect(await storage.storedDecisionContent(1)).toBe(fixed)
      })

      it('[rec:LG1] how its workshop reached it is in its ledger, in time order with later commitments', async () => {
        const event = (kind: WorkshopEvent['kind'], by: string, note = '') => ({ kind, by, note })
        await records.appendWorkshopEvents(
          'r',
          [event('proposed', 'Faye', 'Move to Postgres'), event('stances-opened', 'Faye')],
          at('2026-11-20T09:00:00Z'),
        )
        await records.appendWorkshopEvents(
          'r',
          [event('stance-given', 'Bo')],
          at('2026-11-20T09:05:00Z'),
        )
        await records.appendWorkshopEvents(
          'other',
          [event('proposed', 'Zed')],
          at('2026-11-20T09:06:00Z'),
        )
        await records.appendWorkshopEvents('r', [], at('2026-11-20T09:07:00Z'))
        await records.saveWorkshop(
          workshop({ source: source('r'), decision: draft() }),
          'Ada',
          at('2026-11-20T10:00:00Z'),
        )
        const cy = { name: 'Cy', at: '2026-11-22T11:00:00.000Z' }
        await records.followCommitments(draft({ commitments: [...content().commitments, cy] }))
        const expected = [
          {
            kind: 'proposed',
            by: 'Faye',
            at: '2026-11-20T09:00:00.000Z',
            note: 'Move to Postgres',
          },
          { kind: 'stances-opened', by: 'Faye', at: '2026-11-20T09:00:00.000Z', note: '' },
          { kind: 'stance-given', by: 'Bo', at: '2026-11-20T09:05:00.000Z', note: '' },
          { kind: 'committed', by: 'Cy', at: cy.at, note: '' },
        ]
        expect((await records.decision('DR-1'))?.ledger).toEqual(expected)
        expect((await records.searchDecisions())[0]?.ledger).toEqual(expected)
        // A record written elsewhere (not from the board) has none of the workshop's events.
        const superseded = await records.supersedeDecision(
          'DR-1',
          content({ rationale: 'Cost' }),
          'Ada',
          at('2026-11-23T10:00:00Z'),
        )
        expect(superseded?.ok && superseded.value.successor.ledger).toEqual([])
      })

      it('[rec:DR10] a workshop revisiting a record supersedes it once its decision is accepted', async () => {
        await records.saveWorkshop(
          workshop({ source: source('r'), decision: draft() }),
          'Ada',
          at('2026-11-20T10:00:00Z'),
        )
        const original = await records.decision('DR-1')
        const revisiting = (status: 'proposed' | 'accepted', iso: string) =>
          records.saveWorkshop(
            workshop({
              source: source('retro'),
              decision: draft({
                status,
                title: 'Stay on SQLite',
                source: source('retro', ['shape:p']),
              }),
              revisits: 'DR-1',
            }),
            'Bo',
            at(iso),
          )
        const proposed = await revisiting('proposed', '2026-11-21T10:00:00Z')
        expect(proposed.decision).toMatchObject({
          id: 'DR-2',
          status: 'proposed',
          supersedes: null,
        })
        expect(await records.decision('DR-1')).toEqual(original)

        const accepted = await revisiting('accepted', '2026-11-22T10:00:00Z')
        expect(accepted.decision).toMatchObject({
          id: 'DR-2',
          status: 'accepted',
          supersedes: 'DR-1',
        })
        expect(await records.decision('DR-1')).toMatchObject({
          status: 'superseded',
          supersededBy: 'DR-2',
          title: original?.title,
          history: [...original!.history, expect.objectContaining({ status: 'superseded' })],
        })
        // Saving again changes nothing more.
        await revisiting('accepted', '2026-11-23T10:00:00Z')
        expect((await records.decision('DR-1'))?.history).toHaveLength(original!.history.length + 1)
      })

      it('[rec:DR4] only an accepted record saying the same takes commitments in', async () => {
        const cy = { name: 'Cy', at: '2026-11-22T11:00:00.000Z' }
        const committed = (over: Partial<DecisionDraft>) =>
          draft({ ...over, commitments: [...content().commitments, cy] })
        expect(await records.followCommitments(committed({}))).toBeNull() // no record yet
        await records.saveWorkshop(
          workshop({ source: source('r'), decision: draft({ status: 'proposed' }) }),
          'Ada',
          at('2026-11-20T10:00:00Z'),
        )
        expect(await records.followCommitments(committed({ status: 'proposed' }))).toBeNull()
        await records.changeDecisionStatus('DR-1', 'accepted', {
          by: 'Ada',
          at: '2026-11-21T10:00:00.000Z',
          note: '',
        })
        expect(await records.followCommitments(committed({ rationale: 'Other' }))).toBeNull()
        expect((await records.followCommitments(committed({})))?.commitments.at(-1)).toEqual(cy)
      })

      it('a follow-up change stands when the board did not change that field since the last save', async () => {
        const save = (actions: ActionDraft[], iso: string) =>
          records.saveWorkshop(workshop({ actions }), 'Facilitator', at(iso))
        await save([action('a', { ownerName: 'Bo' })], '2026-11-20T10:00:00Z')
        await records.updateActionItem(
          'AI-1',
          { ownerName: 'Cy' },
          'Cy',
          at('2026-11-21T09:00:00Z'),
        )

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

    describe('durability', () => {
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
        storage = await storage.reopen()
        records = storage.records
        expect(await records.searchDecisions()).toEqual(decisions)
        expect(await records.actionItems()).toEqual(items)
        expect((await records.workshopOutputs('r')).needs).toEqual(['Speed'])

        const count = await storage.appliedMigrations()
        storage = await storage.reopen()
        records = storage.records
        expect(await storage.appliedMigrations()).toBe(count)
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
        await storage.deleteRoom('r')
        expect(await records.decision('DR-1')).toMatchObject({
          title: 'Move to PostgreSQL',
          source: { roomId: '', workshopTitle: 'Database choice', template: 'disagree-and-commit' },
        })
        expect((await records.actionItem('AI-1'))?.source.roomId).toBe('')
        expect(await records.searchDecisions({ q: 'database choice' })).toHaveLength(1)
      })
    })
  })
}
