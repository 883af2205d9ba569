import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom, type OpenStorage, type StorageUnderTest } from './storage-under-test.js'

export function describeWorkshopRepositoryContract(name: string, open: OpenStorage): void {
  describe(`WorkshopRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    beforeEach(async () => {
      storage = await open()
      await createRoom(storage, 'r', { title: 'Decide', template: 'disagree-and-commit' })
    })
    afterEach(() => storage.close())

    it('keeps one submission per person and kind, replaced on resubmission', async () => {
      const { workshops } = storage
      await workshops.putSubmission('r', 'stance', 'ada', { value: 4, reason: '' }, new Date(10))
      await workshops.putSubmission('r', 'stance', 'bo', { value: 0, reason: 'No' }, new Date(11))
      await workshops.putSubmission('r', 'stance', 'ada', { value: 2, reason: 'Hmm' }, new Date(12))
      await workshops.putSubmission('r', 'risk-scores', 'ada', { 'shape:a': 1 }, new Date(13))
      const stances = await workshops.submissions('r', 'stance')
      expect(stances.map((s) => [s.memberId, s.value, s.updatedAt])).toEqual([
        ['bo', { value: 0, reason: 'No' }, new Date(11)],
        ['ada', { value: 2, reason: 'Hmm' }, new Date(12)],
      ])
      expect((await workshops.submission('r', 'stance', 'ada'))?.value).toEqual({
        value: 2,
        reason: 'Hmm',
      })
      expect(await workshops.submission('r', 'stance', 'cy')).toBeNull()
      await workshops.putSubmission('r', 'plain', 'ada', 'just text', new Date(14))
      expect((await workshops.submission('r', 'plain', 'ada'))?.value).toBe('just text')
    })

    it('stores every close of a workshop; the latest is current', async () => {
      const { workshops } = storage
      expect(await workshops.latestResult('r')).toBeNull()
      const first = await workshops.addResult({
        roomId: 'r',
        template: 'disagree-and-commit',
        result: { template: 'disagree-and-commit', title: 'A' },
        closedBy: 'ada',
        closedAt: new Date(20),
      })
      expect(first).toEqual({
        seq: expect.any(Number),
        roomId: 'r',
        template: 'disagree-and-commit',
        result: { template: 'disagree-and-commit', title: 'A' },
        closedBy: 'ada',
        closedAt: new Date(20),
      })
      await workshops.addResult({
        ...first,
        result: { template: 'disagree-and-commit', title: 'B' },
        closedBy: null,
        closedAt: new Date(30),
      })
      const latest = await workshops.latestResult('r')
      expect(latest?.result).toEqual({ template: 'disagree-and-commit', title: 'B' })
      expect(latest?.seq).toBeGreaterThan(first.seq)
      expect(latest?.closedAt).toEqual(new Date(30))
      expect(latest?.closedBy).toBeNull()
    })
  })
}
