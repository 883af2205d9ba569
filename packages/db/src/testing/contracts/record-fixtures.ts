/** Records of two workshops: `r`, a disagree-and-commit, and `retro`. */
import type {
  ActionDraft,
  DecisionContent,
  DecisionDraft,
  RecordSource,
  WorkshopRecords,
} from '@accord/records'
import { createRoom, type OpenStorage, type StorageUnderTest } from './storage-under-test.js'

export const at = (iso: string) => new Date(iso)
export const source = (roomId = 'r', shapeIds: string[] = []): RecordSource => ({
  roomId,
  workshopTitle: roomId === 'r' ? 'Database choice' : 'Sprint 12 retro',
  template: roomId === 'r' ? 'disagree-and-commit' : 'retro',
  shapeIds,
})

export const content = (over: Partial<DecisionContent> = {}): DecisionContent => ({
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
  acknowledgment: '',
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

export const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  ...content(),
  status: 'accepted',
  date: '2026-11-20',
  source: source('r', ['shape:proposal']),
  ...over,
})

export const action = (key: string, over: Partial<ActionDraft> = {}): ActionDraft => ({
  key,
  source: source('retro', [key]),
  text: `Do ${key}`,
  ownerName: 'Ada',
  due: null,
  status: 'open',
  ...over,
})

export const workshop = (over: Partial<WorkshopRecords> = {}): WorkshopRecords => ({
  source: source('retro'),
  decision: null,
  revisits: null,
  actions: [],
  risks: [],
  themes: [],
  insights: [],
  needs: [],
  ...over,
})

/** Opens the storage with the two workshops' rooms in it. */
export async function openWithRooms(open: OpenStorage): Promise<StorageUnderTest> {
  const storage = await open()
  await createRoom(storage, 'r', { title: 'Database choice', template: 'disagree-and-commit' })
  await createRoom(storage, 'retro', { title: 'Sprint 12 retro', template: 'retro' })
  return storage
}
