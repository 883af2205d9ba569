import type { DecisionDraft } from '@accord/records'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { action, at, content, draft, openWithRooms, source, workshop } from './record-fixtures.js'
import type { OpenStorage, StorageUnderTest } from './storage-under-test.js'

export function describeDecisionLogContract(name: string, open: OpenStorage): void {
  describe(`RecordRepository contract (decision log and action items): ${name}`, () => {
    let storage: StorageUnderTest
    let records: StorageUnderTest['records']
    beforeEach(async () => {
      storage = await openWithRooms(open)
      records = storage.records
    })
    afterEach(() => storage.close())

    describe('decision records', () => {
      it('supersede: both linked, the original unchanged byte for byte, who and when logged', async () => {
        const first = await records.createDecision(draft(), 'Ada', at('2026-11-20T10:00:00Z'))
        expect(first).toMatchObject({ id: 'DR-1', number: 1, supersedes: null, supersededBy: null })
        const before = await storage.storedDecisionContent(1)

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
          // Its workshop, but not the board region: that shows what the original said.
          source: { ...first.source, shapeIds: [] },
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
            {
              status: 'superseded',
              by: 'Bo',
              at: '2026-12-01T08:30:00.000Z',
              note: 'Version pinned',
            },
          ],
        })
        expect(await storage.storedDecisionContent(1)).toBe(before)

        // The chain goes on from the successor; the original cannot be superseded twice.
        const third = await records.supersedeDecision(
          'DR-2',
          content(),
          'Cy',
          at('2026-12-02T00:00Z'),
        )
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
        await records.createDecision(
          draft({ status: 'proposed' }),
          'Ada',
          at('2026-11-20T10:00:00Z'),
        )
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
        ).toEqual({
          ok: false,
          error: 'DR-1 is accepted: it can only be superseded by a new record',
        })
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
        // [rec:SG1] Full text: stemmed, a word's start enough, common words left out.
        expect(await ids({ q: 'branch' })).toEqual(['DR-2'])
        expect(await ids({ q: 'postgr' })).toEqual(['DR-1'])
        expect(await ids({ q: 'the branches' })).toEqual(['DR-2'])
        expect(await ids({ q: 'evaluer' })).toEqual([]) // accents count, on both databases
        // Search syntax is only text.
        for (const q of ['"zq" OR NEAR(', 'zq* AND -xv', "'; drop table x; --"])
          expect(await ids({ q })).toEqual([])
      })

      it('[rec:SG1] finds the accepted decisions a proposal resembles, closest first', async () => {
        const create = (over: Partial<DecisionDraft>) =>
          records.createDecision(draft(over), 'Ada', at('2026-11-20T10:00:00Z'))
        const plain = { context: '', options: [], chosenOption: null, rationale: '', tags: [] }
        await create({
          ...plain,
          title: 'No deploys on Fridays',
          decision: 'We deploy Monday to Thursday only.',
        }) // DR-1
        await create({
          ...plain,
          title: 'Friday deployments need a second reviewer',
          decision: 'Two approvals for a Friday deploy.',
          status: 'proposed',
        }) // DR-2: not accepted
        await create({ ...plain, title: 'Team lunch on Fridays', decision: 'Pizza.' }) // DR-3
        await create({
          ...plain,
          title: 'Deploy freeze in December',
          decision: 'No deployments from the 15th; Friday included.',
          tags: ['release'],
        }) // DR-4

        const similar = async (text: string) =>
          (await records.similarDecisions(text)).map(({ record, shared }) => [record.id, shared])
        // As close as each other: the newer first.
        expect(await similar('Allow deploying on Fridays again')).toEqual([
          ['DR-4', ['deploying', 'fridays']],
          ['DR-1', ['deploying', 'fridays']],
        ])
        expect(await similar('A December release freeze for deployments')).toEqual([
          ['DR-4', ['december', 'release', 'freeze', 'deployments']],
        ])
        expect(await similar('Move the ledger to PostgreSQL')).toEqual([])
        expect(await similar('the and of')).toEqual([])
        expect(await similar('"x" OR NEAR( fridays* deploys')).toHaveLength(2)
        expect(await records.similarDecisions('deploys fridays', 1)).toHaveLength(1)
      })
    })

    describe('action items', () => {
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

        expect(
          await records.updateActionItem('AI-2', { status: 'done' }, 'Cy', new Date()),
        ).toEqual({
          ok: false,
          error: 'nothing to change',
        })
        expect(await records.updateActionItem('AI-2', { due: 'soon' }, 'Cy', new Date())).toEqual({
          ok: false,
          error: 'due: a date as YYYY-MM-DD',
        })
        expect(
          await records.updateActionItem('AI-9', { status: 'done' }, 'Cy', new Date()),
        ).toBeNull()
        expect(await records.actionItem('DR-2')).toBeNull()
      })
    })

    it('ids beyond any record number are unknown, not errors', async () => {
      const huge = ['DR-99999999999', 'DR-2147483648']
      for (const id of huge) {
        expect(await records.decision(id)).toBeNull()
        expect(await records.supersedeDecision(id, content(), null, new Date())).toBeNull()
        const event = { by: null, at: '2026-11-22T00:00:00.000Z', note: '' }
        expect(await records.changeDecisionStatus(id, 'accepted', event)).toBeNull()
      }
      expect(await records.actionItem('AI-99999999999')).toBeNull()
      expect(
        await records.updateActionItem('AI-4294967296', { status: 'done' }, null, new Date()),
      ).toBeNull()
    })
  })
}
