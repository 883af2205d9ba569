import type { WorkshopResult } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import decisionSchema from '../../schema/decision-export.schema.json' with { type: 'json' }
import schema from '../../schema/workshop-export.schema.json' with { type: 'json' }
import {
  blank,
  decision,
  decisionRecordOf,
  metaOf,
  preMortem,
  recordsFor,
  results,
} from '../testing/fixtures.js'
import { expectGolden } from '../testing/golden.js'
import { hostile } from '../testing/hostile.js'
import { checkSchema } from '../testing/json-schema.js'
import {
  DECISION_EXPORT_SCHEMA,
  decisionJson,
  WORKSHOP_EXPORT_SCHEMA,
  workshopExport,
  workshopJson,
} from './json.js'

const exportOf = (result: WorkshopResult, closedAt?: number | null) => {
  const meta = metaOf(result, closedAt)
  return {
    workshop: meta,
    result,
    records: recordsFor(result, meta),
    decisions: result.template === 'disagree-and-commit' ? [decisionRecordOf(decision)] : [],
  }
}

describe('workshop export (JSON)', () => {
  it('[rec:JS1] a pre-mortem: matches its golden file', () => {
    expectGolden('workshop.json', workshopJson(exportOf(preMortem)))
  })

  it('[rec:JS1] a decision, with its stored record: matches its golden file', () => {
    expectGolden('decision-workshop.json', workshopJson(exportOf(decision)))
  })

  it.each(Object.entries(results))('[rec:JS1] %s: fits the published schema', (_, result) => {
    for (const value of [exportOf(result), exportOf(hostile(result), null)]) {
      const json = JSON.parse(workshopJson(value)) as unknown
      expect(checkSchema(schema, json, { strict: true })).toEqual([])
    }
  })

  it('[rec:JS1] the schema check notices what the schema does not document', () => {
    const json = JSON.parse(workshopJson(exportOf(preMortem))) as {
      workshop: Record<string, unknown>
      records: Record<string, unknown>
    }
    json.workshop.closedAt = 1741968000000
    json.records.extra = true
    expect(checkSchema(schema, json, { strict: true })).toEqual([
      '.workshop.closedAt is integer, not string or null',
      '.records.extra is not documented in the schema',
    ])
  })

  it('[rec:JS1] a template the schema does not describe still fits it', () => {
    const result = { template: 'lean-coffee', title: 'Lean coffee', topics: ['a'] }
    const nothing = { ...exportOf(blank).records, actions: [] }
    const json = JSON.parse(
      workshopJson({ ...exportOf(blank), result, records: nothing }),
    ) as unknown
    expect(checkSchema(schema, json)).toEqual([])
  })

  it('[rec:JS1] is versioned, and the same whatever order the result’s keys come in', () => {
    const reordered = Object.fromEntries(Object.entries(preMortem).reverse()) as WorkshopResult
    expect(workshopJson(exportOf(reordered))).toBe(workshopJson(exportOf(preMortem)))
    expect(workshopExport(exportOf(preMortem)).schema).toBe(WORKSHOP_EXPORT_SCHEMA)
    expect(schema.properties.schema.const).toBe(WORKSHOP_EXPORT_SCHEMA)
  })

  it('[rec:JS1] hostile text survives the round trip unchanged', () => {
    const evil = hostile(decision)
    const value = exportOf(evil)
    const json = JSON.parse(workshopJson(value)) as { result: unknown; records: unknown }
    expect(json.result).toEqual(JSON.parse(JSON.stringify(evil)))
    expect(json.records).toEqual(JSON.parse(JSON.stringify(value.records)))
  })
})

describe('decision record export (JSON)', () => {
  const record = decisionRecordOf(decision)
  const siblings = { 'workshop-export.schema.json': schema }

  it('[rec:JS2] is versioned, names its board and MADR file: matches its golden file', () => {
    expectGolden('decision-record.json', decisionJson(record))
    const json = JSON.parse(decisionJson(record)) as Record<string, unknown>
    expect(json.schema).toBe(DECISION_EXPORT_SCHEMA)
    expect(json.madrFile).toBe('0012-primary-database-for-the-ledger.md')
  })

  it('[rec:JS2] fits its published schema, hostile text included', () => {
    for (const each of [record, decisionRecordOf(hostile(decision))]) {
      const json = JSON.parse(decisionJson(each)) as unknown
      expect(checkSchema(decisionSchema, json, { strict: true, siblings })).toEqual([])
    }
  })

  it('[rec:JS2] the schema check notices a record that is not one', () => {
    const json = JSON.parse(decisionJson(record)) as { decision: Record<string, unknown> }
    delete json.decision.status
    expect(checkSchema(decisionSchema, json, { siblings })).toEqual(['.decision lacks status'])
  })
})
