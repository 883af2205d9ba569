import { describe, expect, it } from 'vitest'
import type { DecisionRecord } from '../model.js'
import { decision, decisionRecordOf } from '../testing/fixtures.js'
import { expectGolden } from '../testing/golden.js'
import { madrFolder } from './madr-folder.js'

const base = decisionRecordOf(decision)
const record = (number: number, changes: Partial<DecisionRecord> = {}): DecisionRecord => ({
  ...base,
  id: `DR-${number}`,
  number,
  supersedes: null,
  supersededBy: null,
  ...changes,
})

const log = [
  record(4, { title: 'Move the ledger to CockroachDB', supersedes: 'DR-2' }),
  record(2, { status: 'superseded', supersededBy: 'DR-4' }),
  record(3, { title: 'Keep nightly backups', status: 'proposed', supersededBy: null }),
  record(5, { title: 'Stay on Redis 7', status: 'superseded', supersededBy: 'DR-9' }),
]

describe('the decision log as a folder of MADR files', () => {
  it('[rec:RN7] an index, then one file per record in number order, named as ADR tools expect', () => {
    const files = madrFolder(log)
    expect(files.map((file) => file.name)).toEqual([
      'index.md',
      '0002-primary-database-for-the-ledger.md',
      '0003-keep-nightly-backups.md',
      '0004-move-the-ledger-to-cockroachdb.md',
      '0005-stay-on-redis-7.md',
    ])
    expectGolden('decision-log-index.md', files[0]?.text ?? '')
  })

  it('[rec:RN7] records link each other by file; one outside the folder is named by its id', () => {
    const text = (name: string) => madrFolder(log).find((file) => file.name === name)?.text ?? ''
    expect(text('0002-primary-database-for-the-ledger.md')).toContain(
      'status: "superseded by \\x5BDR-4\\x5D(0004-move-the-ledger-to-cockroachdb.md)"',
    )
    expect(text('0004-move-the-ledger-to-cockroachdb.md')).toContain(
      '* **Supersedes:** [DR-2](0002-primary-database-for-the-ledger.md)',
    )
    expect(text('0005-stay-on-redis-7.md')).toContain('status: "superseded by DR-9"')
  })

  it('[rec:RN7] an empty log is an index that says so', () => {
    expect(madrFolder([])).toEqual([
      {
        name: 'index.md',
        text: '# Decision log\n\nDecision records kept by Accord, one MADR file each, in the order they were made.\n\n<!-- adrlog -->\n\n_No decisions recorded._\n\n<!-- adrlogstop -->\n',
      },
    ])
  })
})
