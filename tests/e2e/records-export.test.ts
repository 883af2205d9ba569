/**
 * Exports, saved records and the printed summary from the board, in real Chromium against the
 * built app. A disagree-and-commit room is driven quickly over the API (proposal, stances,
 * reveal); the facilitator opens the board and downloads every export, records the decision,
 * closes the workshop and sees the "Decided in DR-n" mark on the proposal region, and prints the
 * summary. A viewer can export too. Screenshots are kept as records-export-*.png.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  artifactsDir,
  joinWithLink,
  type Participant,
  screenshot,
  shareLink,
} from '../support/browser.js'
import { story, useE2e } from '../support/e2e.js'
import { joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const e2e = useE2e()

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const count = (page: Page, testId: string) => page.getByTestId(testId).count()

const hostileAction = '=HYPERLINK("https://evil.example","click me")'
const dissent = 'Nobody on call knows Postgres'

interface StoredDecision {
  id: string
  status: string
  source: { shapeIds: string[] }
}

/** The browser's print dialog, replaced by a counter (the dialog is the browser's, not Accord's). */
async function stubPrint(person: Participant) {
  await person.context.addInitScript(() => {
    const counted = window as unknown as { print: () => void; printCalls: number }
    counted.printCalls = 0
    counted.print = () => {
      counted.printCalls += 1
    }
  })
}

/** Clicks an export entry and returns the downloaded file's name and bytes. */
async function download(page: Page, testId: string) {
  if ((await count(page, testId)) === 0) await page.getByTestId('export-button').click()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: readFileSync(path) }
}

type Member = { token: string; memberId: string }

/**
 * A disagree-and-commit room driven over the API to its reveal (Ada facilitates, Bo decides, Cy
 * dissents), open on the board for Faye (its facilitator link) and Vic (its viewer link), with an
 * action item whose text a spreadsheet would run as a formula.
 */
async function drill() {
  const { server } = e2e
  const roomId = await e2e.room('Database decision', { template: 'disagree-and-commit' })
  const links = tokensOf(roomId)
  const ada: Member = await joinRoom(server, roomId, links.facilitator, 'Ada')
  const bo: Member = await joinRoom(server, roomId, links.participant, 'Bo')
  const cy: Member = await joinRoom(server, roomId, links.participant, 'Cy')
  const send = async (token: string, command: Record<string, unknown>) => {
    const { status, body } = await sendCommand(server, roomId, token, command)
    expect(status, JSON.stringify({ command, body })).toBe(200)
    return body
  }
  const phase = async (id: string) => {
    const index = ['proposal', 'discussion', 'stances', 'reveal', 'decide', 'commit', 'close']
    await send(ada.token, { type: 'phase.set', index: index.indexOf(id) })
  }
  const roomDecisions = async (): Promise<StoredDecision[]> => {
    const response = await fetch(`${server.url}/api/rooms/${roomId}/decisions`, {
      headers: { authorization: `Bearer ${ada.token}` },
    })
    expect(response.status).toBe(200)
    return (await response.json()) as StoredDecision[]
  }
  // Proposal, hidden stances and their reveal, over the API.
  await send(ada.token, {
    type: 'proposal.set',
    title: 'Move to Postgres',
    context: 'Writes double next quarter.',
    options: [
      { title: 'Postgres', pros: 'Concurrent writes', cons: 'More to operate' },
      { title: 'Stay on SQLite', pros: 'Simple', cons: 'One writer' },
    ],
    deciderId: bo.memberId,
  })
  await phase('stances')
  await send(bo.token, { type: 'stance.give', stance: 4 })
  await send(cy.token, { type: 'stance.give', stance: 1, reason: dissent })
  await send(ada.token, { type: 'stance.give', stance: 5 })
  await phase('reveal')
  await send(ada.token, { type: 'stances.reveal' })

  const faye = await e2e.person()
  const vic = await e2e.person()
  await stubPrint(faye)
  await joinWithLink(faye.page, shareLink(server, roomId, 'facilitator'), 'Faye')
  await joinWithLink(vic.page, shareLink(server, roomId, 'viewer'), 'Vic')
  // An action item whose text a spreadsheet would run as a formula.
  await faye.page.evaluate(
    ({ text }) => {
      const editor = window.accord?.editor as unknown as {
        createShape(shape: Record<string, unknown>): void
      }
      editor.createShape({
        id: 'shape:hostile-action',
        type: 'note',
        x: -900,
        y: -600,
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          },
        },
      })
    },
    { text: hostileAction },
  )
  // Once the server's copy of the board has the note, it becomes Bo's action item (fac:AI5).
  const action = {
    type: 'action.set',
    noteId: 'shape:hostile-action',
    text: hostileAction,
    ownerId: bo.memberId,
    due: '2030-01-31',
  }
  await waitFor(async () => (await sendCommand(server, roomId, ada.token, action)).status === 200, {
    what: 'the hostile action item stored',
  })
  return { roomId, faye, vic, ada, bo, cy, send, phase, roomDecisions }
}

type Drill = Awaited<ReturnType<typeof drill>>

// The story, step by step (see `story`): each test runs the steps up to its own, on a room of its
// own.

async function downloadEveryExport({ faye }: Drill) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-records-export-downloads'))
  const page = faye.page
  await page.getByTestId('export-button').click()
  await screenshot(page, 'records-export-1-menu')

  const md = await download(page, 'export-md')
  expect(md.name).toBe('Database-decision.md')
  const markdown = md.bytes.toString('utf8')
  expect(markdown).toContain('# Database decision')
  expect(markdown).toContain('Move to Postgres')
  expect(markdown).toContain(dissent)
  await expect.poll(() => text(page, 'export-message')).toBe('Downloaded Database-decision.md')

  // The hostile action reaches the server through the board's sync: wait for it in the CSV.
  let csv = ''
  await expect
    .poll(async () => {
      const file = await download(page, 'export-csv')
      expect(file.name).toBe('Database-decision.csv')
      csv = file.bytes.toString('utf8')
      return csv.includes('HYPERLINK')
    })
    .toBe(true)
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
  expect(lines[0]).toBe(
    'kind,workshop,rank,text,owner,due,status,score,likelihood,impact,mitigation,reasons,board',
  )
  expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click me"")"`)
  // No cell starts with a formula character.
  expect(csv).not.toMatch(/(^|,)"?[=+@-]/m)

  const json = await download(page, 'export-json')
  expect(json.name).toBe('Database-decision.json')
  const parsed = JSON.parse(json.bytes.toString('utf8')) as {
    schema: string
    workshop: { title: string; template: string }
  }
  expect(parsed.schema).toBe('accord.workshop/1')
  expect(parsed.workshop).toMatchObject({
    title: 'Database decision',
    template: 'disagree-and-commit',
  })

  const png = await download(page, 'export-png')
  expect(png.name).toBe('Database-decision.png')
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

  const svg = await download(page, 'export-svg')
  expect(svg.name).toBe('Database-decision.svg')
  expect(svg.bytes.toString('utf8')).toContain('<svg')
  // [tpl:DC6] The image shows the proposal the server wrote in its region, not an empty frame.
  expect(svg.bytes.toString('utf8')).toContain('Decides: Bo')
  expect(await page.getByTestId('export-message').getAttribute('data-error')).toBe('false')
  await screenshot(page, 'records-export-2-downloaded')
  await page.keyboard.press('Escape')
}

async function recordDecision({ faye, vic, roomDecisions }: Drill) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-records-export-record'))
  const page = faye.page
  await expect.poll(() => count(page, 'workshop-panel')).toBe(1)
  expect(await count(vic.page, 'records-save')).toBe(0)
  await page.getByTestId('records-save').click()
  await expect.poll(() => count(page, 'records-saved')).toBe(1)
  const saved = await text(page, 'records-saved')
  expect(saved).toMatch(/^Saved DR-\d+ \(proposed\) and 1 action item\.$/)
  const id = /DR-\d+/.exec(saved)?.[0] ?? ''

  await expect.poll(() => text(page, 'records-decision-link')).toBe(id)
  expect(await page.getByTestId('records-decision-link').getAttribute('href')).toBe(
    `/decisions/${id}`,
  )
  expect(await page.getByTestId('records-actions-link').getAttribute('href')).toBe('/actions')
  // The board marks the proposal region at once.
  await expect.poll(() => text(page, 'decision-mark')).toBe(`Proposed: ${id}`)
  const [stored] = await roomDecisions()
  expect(stored).toMatchObject({ id, status: 'proposed' })
  expect(await page.getByTestId('decision-mark').first().getAttribute('href')).toBe(
    `/decisions/${id}`,
  )
  await screenshot(page, 'records-export-3-recorded')
}

async function closeWithDecision({ faye, vic, bo, cy, ada, send, phase, roomDecisions }: Drill) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-records-export-close'))
  const page = faye.page
  await phase('decide')
  await send(bo.token, {
    type: 'decision.record',
    outcome: 'accepted',
    option: 'Postgres',
    decision: 'We move to Postgres after the launch.',
    rationale: 'Write load doubles; we hire a DBA first.',
  })
  await phase('commit')
  for (const member of [cy, bo, ada]) await send(member.token, { type: 'commit' })
  await phase('close')
  await expect.poll(() => count(page, 'workshop-close')).toBe(1)
  await page.getByTestId('workshop-close').click()
  await expect.poll(() => count(page, 'workshop-closed')).toBe(1)
  // What "Record decision" saved before is not shown as current any more.
  await expect.poll(() => count(page, 'records-saved')).toBe(0)

  let accepted: StoredDecision | undefined
  await expect
    .poll(async () => {
      accepted = (await roomDecisions()).find((record) => record.status === 'accepted')
      return accepted?.id
    })
    .toMatch(/^DR-\d+$/)
  const id = accepted?.id ?? ''
  const mark = page.getByTestId('decision-mark').filter({ hasText: id }).first()
  await expect.poll(() => mark.innerText()).toBe(`Decided in ${id}`)
  expect(await mark.getAttribute('href')).toBe(`/decisions/${id}`)
  expect(await mark.getAttribute('data-status')).toBe('accepted')
  // On the region the record came from: the proposal frame, at its top-right corner.
  const stack = page.locator('.dr-mark-stack').filter({ has: mark })
  const shapeId = accepted?.source.shapeIds[0] ?? ''
  expect(shapeId).not.toBe('')
  expect(await stack.getAttribute('data-shape')).toBe(shapeId)
  const corner = await page.evaluate((id) => {
    const editor = window.accord?.editor as unknown as {
      getShapePageBounds(id: string): { maxX: number; minY: number } | undefined
      pageToScreen(point: { x: number; y: number }): { x: number; y: number }
    }
    const bounds = editor.getShapePageBounds(id)
    return bounds ? editor.pageToScreen({ x: bounds.maxX, y: bounds.minY }) : null
  }, shapeId)
  const box = await mark.boundingBox()
  expect(corner).not.toBeNull()
  expect(box).not.toBeNull()
  if (corner && box) {
    expect(Math.abs(box.x + box.width - corner.x)).toBeLessThan(4)
    expect(box.y + box.height).toBeLessThanOrEqual(corner.y)
    expect(box.y + box.height).toBeGreaterThan(corner.y - 30)
  }
  // The panel names the saved record and the follow-up of its actions.
  await expect.poll(() => text(page, 'records-decision')).toBe(`Decision record: ${id} (accepted)`)
  expect(await page.getByTestId('records-actions-link').getAttribute('href')).toBe('/actions')
  // Everyone sees the mark, viewers too.
  await expect
    .poll(() => vic.page.getByTestId('decision-mark').filter({ hasText: id }).count(), {
      timeout: 20_000,
    })
    .toBe(1)
  await screenshot(page, 'records-export-4-decided')
}

/** Words of the print view's table headers that the layout split over two lines. */
function headerWordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = []
    for (const header of Array.from(document.querySelectorAll('.print-doc__table th'))) {
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, word.index)
          range.setEnd(node, word.index + word[0].length)
          const lines = new Set(
            Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)),
          )
          if (lines.size > 1) broken.push(word[0])
        }
      }
    }
    return broken
  })
}

async function printSummary({ faye }: Drill) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-records-export-print'))
  const page = faye.page
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-print').click()
  await expect.poll(() => count(page, 'print-view')).toBe(1)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
    .toBe(1)
  expect(await text(page, 'print-title')).toBe('Database decision')
  const summary = await text(page, 'print-summary')
  for (const expected of [
    'Disagree and commit',
    'Move to Postgres',
    'We move to Postgres after the launch.',
    'Write load doubles; we hire a DBA first.',
    dissent,
    hostileAction,
    'Decision record',
  ])
    expect(summary).toContain(expected)
  await screenshot(page, 'records-export-5-print-preview')

  await page.emulateMedia({ media: 'print' })
  expect(await page.locator('.tl-canvas').isVisible()).toBe(false)
  expect(await page.getByTestId('board-title').isVisible()).toBe(false)
  expect(await page.getByTestId('workshop-panel').isVisible()).toBe(false)
  expect(await page.getByTestId('print-close').isVisible()).toBe(false)
  expect(await page.getByTestId('print-summary').isVisible()).toBe(true)
  await page.screenshot({
    path: join(artifactsDir, 'records-export-6-print-media.png'),
    fullPage: true,
  })
  // On a page as narrow as a phone's, table headers still wrap between words, never inside one
  // ("Ran k").
  const viewport = page.viewportSize()
  await page.setViewportSize({ width: 360, height: 800 })
  expect(await page.locator('.print-doc__table th').count()).toBeGreaterThan(0)
  expect(await headerWordsBrokenAcrossLines(page)).toEqual([])
  if (viewport) await page.setViewportSize(viewport)
  await page.emulateMedia({ media: 'screen' })

  // Printing again from the preview; then back to the board.
  await page.getByTestId('print-again').click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
    .toBe(2)
  await page.getByTestId('print-close').click()
  await expect.poll(() => count(page, 'print-view')).toBe(0)
  expect(await page.locator('.tl-canvas').isVisible()).toBe(true)
}

async function viewerExports({ vic }: Drill) {
  onTestFailed(() => screenshot(vic.page, 'FAILED-records-export-viewer'))
  const page = vic.page
  const md = await download(page, 'export-md')
  expect(md.name).toBe('Database-decision.md')
  expect(md.bytes.toString('utf8')).toContain('We move to Postgres after the launch.')
  await page.keyboard.press('Escape')

  await expect.poll(() => count(page, 'workshop-panel')).toBe(1)
  await page.getByTestId('workshop-export').click()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('workshop-panel').getByTestId('export-csv').click(),
  ])
  expect(file.suggestedFilename()).toBe('Database-decision.csv')
  await screenshot(page, 'records-export-7-viewer')

  // The mark on the proposal region opens the record in the decision log.
  const mark = page.getByTestId('decision-mark').filter({ hasText: 'Decided in' }).first()
  const href = (await mark.getAttribute('href')) ?? ''
  expect(href).toMatch(/^\/decisions\/DR-\d+$/)
  await mark.click()
  await page.waitForURL(`${e2e.server.url}${href}`)
}

const exportsStory = story(drill, [
  downloadEveryExport,
  recordDecision,
  closeWithDecision,
  printSummary,
  viewerExports,
])

describe('exports, records and the printed summary (real Chromium, built app)', () => {
  it('each export downloads its file: Markdown, JSON, CSV, PNG and SVG', async () => {
    await exportsStory(downloadEveryExport)
  })

  it('“Record decision” saves the records now and shows the decision record’s id', async () => {
    await exportsStory(recordDecision)
  })

  it('after the close the proposal region reads “Decided in DR-n”, linking to the record', async () => {
    await exportsStory(closeWithDecision)
  })

  it('“Print summary” shows a clean document and prints only it', async () => {
    await exportsStory(printSummary)
  })

  it('a viewer exports too (from the header and from the workshop panel)', async () => {
    await exportsStory(viewerExports)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
