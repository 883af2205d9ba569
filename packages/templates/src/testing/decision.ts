/** A proposal and its decision, for the disagree-and-commit's unit tests. */
import type { Decision, Proposal } from '../disagree-and-commit/result.js'

export const proposal: Proposal = {
  title: 'Move the ledger to PostgreSQL',
  context: 'SQLite limits concurrent writers.',
  options: [
    { title: 'PostgreSQL', pros: 'Concurrent writes\nReplication', cons: 'Ops work' },
    { title: 'Stay on SQLite', pros: '', cons: '' },
  ],
  drivers: [],
  informed: [],
  tags: [],
  deciderId: 'ada',
  deciderName: 'Ada',
}

export const decision: Decision = {
  outcome: 'accepted',
  option: 'PostgreSQL',
  text: 'We move after the launch.',
  rationale: 'Write load doubles.',
  consequences: '',
  acknowledgment: 'Bo’s block is heard.',
  deciderId: 'ada',
  deciderName: 'Ada',
  at: 0,
}
