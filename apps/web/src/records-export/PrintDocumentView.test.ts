import { workshopSummary } from '@accord/records'
import type { DecisionResult } from '@accord/templates'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PrintDocumentView } from './PrintDocumentView'

const hostile = '<script>alert(1)</script> **bold** =HYPERLINK("x")'
const at = Date.UTC(2025, 2, 14, 16, 0)

const decision: DecisionResult = {
  template: 'disagree-and-commit',
  title: 'Database',
  scale: 'fist-of-five',
  anonymous: false,
  proposal: {
    title: hostile,
    context: 'Write load doubles.',
    options: [],
    drivers: [],
    informed: [],
    tags: [],
    deciderId: 'bo',
    deciderName: 'Bo',
  },
  stances: [{ value: 1, reason: hostile, memberId: 'bo', name: 'Bo' }],
  summary: { count: 1, distribution: { '1': 1 }, average: 1, blocks: 0, dissenting: 1 },
  dissent: [{ value: 1, reason: hostile, memberId: 'bo', name: 'Bo' }],
  decision: null,
  commitments: [],
  notCommitted: [],
  concerns: [],
  revisits: null,
  actions: [],
  participants: [{ id: 'bo', name: hostile, role: 'facilitator' }],
}

describe('PrintDocumentView', () => {
  it('[web:PR1] renders the summary model: people’s text as text, never as markup', () => {
    const meta = { roomId: 'r1', title: hostile, template: 'disagree-and-commit', closedAt: at }
    const html = renderToStaticMarkup(
      createElement(PrintDocumentView, {
        document: workshopSummary(decision, meta),
        printedAt: new Date(at),
      }),
    )
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **bold**')
    expect(html).toContain('<h2>Stances</h2>')
    expect(html).toContain('<strong>&lt;script&gt;')
    expect(html).toContain('<a href="/b/r1">/b/r1</a>')
    expect(html).toContain('printed 2025-03-14')
  })
})
