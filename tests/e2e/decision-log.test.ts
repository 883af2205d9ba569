/**
 * The decision log and the action items across workshops, in real Chromium against the built
 * app. A disagree-and-commit is driven to its close over the API (its facilitator's credential is
 * the one this browser holds, from opening the facilitator link); then, in the browser: the log's
 * search finds the record, its detail page shows the decision, rationale and dissent, "Open on the
 * board" opens the board zoomed to the proposal region and outlines it, superseding from the
 * detail page makes the next record with links both ways, and the action items page lists the
 * workshop's item, marks it done (kept across a reload) and links to its note on the board.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  joinWithLink,
  type Participant,
  screenshot,
  shareLink,
  waitForBoard,
} from '../support/browser.js'
import { nothingToChange, story, useE2e } from '../support/e2e.js'
import { memberCredential } from '../support/fast-forward.js'
import { api } from '../support/records-api.js'
import { unzipTexts } from '../support/unzip.js'
import {
  createRoom,
  joinRoom,
  type ServerProcess,
  sendCommand,
  tokensOf,
} from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

/**
 * The decision log and the action items list every workshop on a server: each test has a server
 * of its own (and the file none), so that what they list is that test's alone.
 */
const e2e = useE2e({ server: false })

interface Decision {
  id: string
  status: string
  title: string
  decision: string
  rationale: string
  supersedes: string | null
  supersededBy: string | null
  source: { roomId: string; shapeIds: string[] }
  history: { status: string; by: string | null; note: string }[]
}

interface ActionItem {
  id: string
  text: string
  ownerName: string
  status: string
  source: { shapeIds: string[] }
  history: { field: string; from: string | null; to: string | null; by: string | null }[]
}

async function getJson<T>(server: ServerProcess, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`)
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

async function command(
  server: ServerProcess,
  roomId: string,
  token: string,
  body: { type: string } & Record<string, unknown>,
) {
  const answer = await sendCommand(server, roomId, token, body)
  expect(answer.status, `${body.type}: ${JSON.stringify(answer.body)}`).toBe(200)
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const count = (page: Page, testId: string) => page.getByTestId(testId).count()

/** Page bounds of a shape, and whether the viewport shows all of it. */
function viewOf(page: Page, shapeId: string) {
  return page.evaluate((id) => {
    const editor = window.accord?.editor as unknown as
      | {
          getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
          getViewportPageBounds(): { x: number; y: number; w: number; h: number }
        }
      | undefined
    const shape = editor?.getShapePageBounds(id)
    const view = editor?.getViewportPageBounds()
    if (!shape || !view) return null
    return {
      contains:
        shape.x >= view.x &&
        shape.y >= view.y &&
        shape.x + shape.w <= view.x + view.w &&
        shape.y + shape.h <= view.y + view.h,
      shape,
      view,
    }
  }, shapeId)
}

/** Waits until the camera has stopped moving (its animation is over), for the screenshot. */
async function cameraAtRest(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window.accord?.editor as unknown as { getCameraState(): string }).getCameraState(),
      ),
    )
    .toBe('idle')
}

const title = 'Adopt trunk-based development'
const dissent = 'Our release branches catch regressions that trunk would ship'
const decisionText = 'We merge to trunk daily behind feature flags.'
const rationale = 'Long-lived branches cost us a week per release.'
const actionText = 'Set up feature flags for the checkout'
const actionShape = 'shape:e2e-action-flags'
interface Log {
  readonly server: ServerProcess
  readonly roomId: string
  /** The facilitator, whose browser holds the workshop's facilitator credential. */
  readonly faye: Participant
  readonly decisionId: string
  readonly regionId: string
  /** Faye's member credential, as her browser keeps it. */
  readonly fayeToken: string
}

/**
 * A new server with one settled decision: a disagree-and-commit driven to its close over the API
 * (its facilitator's credential is the one Faye's browser holds, from opening the facilitator
 * link), and an overdue action item of Pat's on its board.
 */
async function settledDecision(): Promise<Log> {
  // Faye's browser profile is made while the server starts.
  const [server, faye] = await Promise.all([e2e.startServer(), e2e.person()])
  const roomId = await createRoom(server, 'Branching strategy', { template: 'disagree-and-commit' })
  const links = tokensOf(roomId)
  // The facilitator opens their link first: this browser holds the facilitator's credential.
  await joinWithLink(faye.page, shareLink(server, roomId, 'facilitator'), 'Faye')
  const { token: fayeToken } = await memberCredential(faye.page, roomId)
  const pat = await joinRoom(server, roomId, links.participant, 'Pat')
  const quinn = await joinRoom(server, roomId, links.participant, 'Quinn')

  // An action item on the board: a note far from the template's layout, owned by Pat, overdue.
  await faye.page.evaluate(
    ({ id, text }) => {
      const editor = window.accord?.editor as unknown as {
        createShape(shape: object): void
      }
      editor.createShape({
        id,
        type: 'note',
        x: 6000,
        y: 4000,
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          },
        },
      })
    },
    { id: actionShape, text: actionText },
  )
  // Once the server's copy of the board has the note, it becomes Pat's action item (fac:AI5).
  await waitFor(
    async () => {
      const response = await fetch(`${server.url}/api/rooms/${roomId}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fayeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'action.set',
          noteId: actionShape,
          text: actionText,
          ownerId: pat.memberId,
          due: '2020-01-15',
        }),
      })
      return response.status === 200
    },
    { what: 'the action item stored from the server’s copy of the board' },
  )

  await command(server, roomId, fayeToken, {
    type: 'proposal.set',
    title,
    context: 'Merges take days and releases slip.',
    options: [
      { title: 'Trunk-based', pros: 'Small merges', cons: 'Needs flags' },
      { title: 'Release branches', pros: 'Familiar', cons: 'Slow merges' },
    ],
    deciderId: pat.memberId,
  })
  await command(server, roomId, fayeToken, { type: 'phase.set', index: 2 })
  await command(server, roomId, quinn.token, { type: 'stance.give', stance: 1, reason: dissent })
  await command(server, roomId, pat.token, { type: 'stance.give', stance: 4 })
  await command(server, roomId, fayeToken, { type: 'stance.give', stance: 5 })
  await command(server, roomId, fayeToken, { type: 'phase.set', index: 3 })
  await command(server, roomId, fayeToken, { type: 'stances.reveal' })
  await command(server, roomId, fayeToken, { type: 'phase.set', index: 4 })
  await command(server, roomId, pat.token, {
    type: 'decision.record',
    outcome: 'accepted',
    option: 'Trunk-based',
    decision: decisionText,
    rationale,
  })
  await command(server, roomId, fayeToken, { type: 'phase.set', index: 5 })
  // Faye, the facilitator, does not commit: the record page says so.
  for (const token of [quinn.token, pat.token])
    await command(server, roomId, token, { type: 'commit' })
  await command(server, roomId, fayeToken, { type: 'phase.set', index: 6 })
  await command(server, roomId, fayeToken, { type: 'workshop.close' })

  const [record] = await getJson<Decision[]>(server, `/api/decisions?q=trunk`)
  expect(record).toMatchObject({ title, status: 'accepted', source: { roomId } })
  const regionId = record!.source.shapeIds[0]!
  expect(regionId).toMatch(/^shape:/)
  return { server, roomId, faye, decisionId: record!.id, regionId, fayeToken }
}

// The story, step by step (see `story`): each test brings a server of its own to the state the
// steps before its own leave, and then runs its own step through the UI.

async function searchTheLog({ server, faye, decisionId }: Log) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-search'))
  const page = faye.page
  await page.goto(`${server.url}/`)
  await page.getByTestId('home-decision-log').click()
  await page.waitForURL(/\/decisions$/)
  await expect.poll(() => count(page, 'log-item')).toBe(1)

  await page.getByLabel('Search decisions').fill('nothing-like-this')
  await expect.poll(() => count(page, 'log-empty')).toBe(1)
  expect(await text(page, 'log-empty')).toContain('No decision matches')

  await page.getByLabel('Search decisions').fill('TRUNK')
  await expect.poll(() => count(page, 'log-item')).toBe(1)
  await expect.poll(() => page.url()).toMatch(/\/decisions\?q=TRUNK$/)
  const item = page.getByTestId('log-item').first()
  expect(await item.getAttribute('data-id')).toBe(decisionId)
  expect(await item.innerText()).toContain(title)
  expect(await item.getByTestId('decision-status').innerText()).toBe('Accepted')
  expect(await item.innerText()).toContain('Decided by Pat')

  // Filters narrow it down; a status it does not have finds nothing.
  await page.getByTestId('log-filter-status').selectOption('rejected')
  await expect.poll(() => count(page, 'log-empty')).toBe(1)
  await page.getByTestId('log-filter-status').selectOption('accepted')
  await expect.poll(() => count(page, 'log-item')).toBe(1)
  await screenshot(page, 'decision-log-1-search')

  // The address can be shared: opened afresh, it shows the same search.
  await page.goto(`${server.url}/decisions?q=trunk&status=accepted`)
  await expect.poll(() => count(page, 'log-item')).toBe(1)
  expect(await page.getByLabel('Search decisions').inputValue()).toBe('trunk')

  // What the search found downloads as a folder of MADR files, as ADR tools keep them.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('log-download-madr').click(),
  ])
  expect(file.suggestedFilename()).toMatch(/^accord-decisions-\d{4}-\d{2}-\d{2}\.zip$/)
  const files = await unzipTexts(readFileSync(await file.path()))
  const madrFile = `${decisionId.slice(3).padStart(4, '0')}-adopt-trunk-based-development.md`
  expect([...files.keys()]).toEqual(['decisions/index.md', `decisions/${madrFile}`])
  expect(files.get(`decisions/${madrFile}`)).toContain(`# ${title}`)
}

async function readTheDetail({ faye, decisionId }: Log) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-detail'))
  const page = faye.page
  await page.getByTestId('log-item-link').first().click()
  await page.waitForURL(new RegExp(`/decisions/${decisionId}$`))
  await expect.poll(() => text(page, 'decision-title')).toBe(title)
  expect(await text(page, 'decision-decision')).toContain(decisionText)
  expect(await text(page, 'decision-rationale')).toContain(rationale)
  expect(await text(page, 'decision-dissent')).toContain(dissent)
  expect(await text(page, 'decision-dissent-item')).toContain('Quinn')
  expect(await text(page, 'decision-makers')).toBe('Pat')
  expect(await text(page, 'decision-not-committed')).toBe('Not committed yet: Faye')
  expect(await page.getByTestId('decision-option').allInnerTexts()).toEqual([
    expect.stringContaining('Chosen'),
    expect.not.stringContaining('Chosen'),
  ])
  expect(await page.getByTestId('decision-download-md').getAttribute('href')).toBe(
    `/api/decisions/${decisionId}/export?format=md`,
  )
  // This browser facilitates the workshop: it may supersede the (accepted) record.
  expect(await count(page, 'decision-controls')).toBe(1)
  expect(await count(page, 'decision-supersede')).toBe(1)
  await screenshot(page, 'decision-log-2-detail')
}

async function openOnTheBoard({ server, roomId, faye, regionId }: Log) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-board'))
  const page = faye.page
  const link = page.getByTestId('decision-open-board')
  expect(await link.getAttribute('href')).toBe(`/b/${roomId}?focus=${encodeURIComponent(regionId)}`)
  await link.click()
  await waitForBoard(page)
  await expect
    .poll(() => page.getByTestId('focus-param-highlight').getAttribute('data-shape'))
    .toBe(regionId)
  await expect.poll(async () => (await viewOf(page, regionId))?.contains).toBe(true)
  // The parameter has done its job: it leaves the address bar.
  await expect.poll(() => page.url()).toBe(`${server.url}/b/${roomId}`)
  await cameraAtRest(page)
  await screenshot(page, 'decision-log-3-board')
}

async function supersede({ server, faye, decisionId }: Log) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-supersede'))
  const page = faye.page
  await page.goto(`${server.url}/decisions/${decisionId}`)
  await page.getByTestId('decision-supersede').click()
  const form = page.getByTestId('supersede-form')
  expect(await form.getByLabel('Title').inputValue()).toBe(title)
  expect(await form.getByLabel('Decision', { exact: true }).inputValue()).toBe(decisionText)
  await form
    .getByLabel('Decision', { exact: true })
    .fill('We merge to trunk daily; release branches only for hotfixes.')
  await form.getByLabel('Why it changes').fill('Hotfixes still need a branch.')
  await screenshot(page, 'decision-log-4-supersede-form')
  await form.getByTestId('supersede-submit').click()

  const successor = `DR-${Number(decisionId.slice(3)) + 1}`
  await page.waitForURL(new RegExp(`/decisions/${successor}$`))
  await expect.poll(() => text(page, 'decision-id')).toBe(successor)
  expect(await text(page, 'decision-supersedes')).toBe(decisionId)
  expect(await text(page, 'decision-decision')).toContain('release branches only for hotfixes')
  expect(await text(page, 'decision-status')).toBe('Accepted')
  await screenshot(page, 'decision-log-5-successor')

  await page.getByTestId('decision-supersedes').click()
  await page.waitForURL(new RegExp(`/decisions/${decisionId}$`))
  await expect.poll(() => text(page, 'decision-superseded-by')).toBe(successor)
  expect(await text(page, 'decision-status')).toBe('Superseded')
  // The original's content is kept as it was.
  expect(await text(page, 'decision-decision')).toContain(decisionText)

  const original = await getJson<Decision>(server, `/api/decisions/${decisionId}`)
  expect(original).toMatchObject({
    status: 'superseded',
    supersededBy: successor,
    decision: decisionText,
  })
  expect(original.history.at(-1)).toMatchObject({
    status: 'superseded',
    by: 'Faye',
    note: 'Hotfixes still need a branch.',
  })
  expect(await getJson<Decision>(server, `/api/decisions/${successor}`)).toMatchObject({
    supersedes: decisionId,
    status: 'accepted',
  })

  // The log marks the superseded one with a link to its successor.
  await page.goto(`${server.url}/decisions?q=trunk`)
  await expect.poll(() => count(page, 'log-item')).toBe(2)
  const superseded = page.locator(`[data-testid="log-item"][data-id="${decisionId}"]`)
  expect(await superseded.getByTestId('log-item-superseded-by').innerText()).toBe(
    `Superseded by ${successor}`,
  )
  await screenshot(page, 'decision-log-6-log-superseded')
}

async function markTheActionDone({ server, faye }: Log) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-actions'))
  const page = faye.page
  await page.goto(`${server.url}/`)
  await page.getByTestId('home-action-items').click()
  await page.waitForURL(/\/actions$/)
  const item = page.locator('[data-testid="actions-item"]', { hasText: actionText })
  await expect.poll(() => item.count()).toBe(1)
  expect(await item.getAttribute('data-status')).toBe('open')
  expect(await item.getByTestId('actions-item-due').innerText()).toContain('overdue')
  expect(await page.getByTestId('actions-group').first().innerText()).toContain('Pat')
  // The overdue tab has it too.
  await page.getByTestId('actions-tab-overdue').click()
  await expect.poll(() => page.url()).toMatch(/\/actions\?status=overdue$/)
  await expect.poll(() => item.count()).toBe(1)
  await screenshot(page, 'decision-log-7-actions')

  await item.getByTestId('actions-item-done').click()
  await expect.poll(() => item.getAttribute('data-status')).toBe('done')
  expect(await item.getByTestId('actions-item-status').innerText()).toBe('Done')

  await page.reload()
  await expect.poll(() => count(page, 'actions-empty')).toBe(1) // nothing overdue any more
  await page.getByTestId('actions-tab-done').click()
  await expect.poll(() => item.count()).toBe(1)
  expect(await item.getAttribute('data-status')).toBe('done')
  await item.locator('summary').click()
  expect(await item.locator('details').innerText()).toContain('Status: open → done')
  await screenshot(page, 'decision-log-8-action-done')

  const [stored] = await getJson<ActionItem[]>(server, `/api/action-items?owner=Pat`)
  expect(stored).toMatchObject({ text: actionText, status: 'done' })
  expect(stored!.history.at(-1)).toMatchObject({
    field: 'status',
    from: 'open',
    to: 'done',
    by: 'Faye',
  })
}

async function openTheActionOnTheBoard({ server, roomId, faye }: Log) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-action-board'))
  const page = faye.page
  const item = page.locator('[data-testid="actions-item"]', { hasText: actionText })
  // Far from the template's layout: only the link's focus brings it into view.
  await item.getByTestId('actions-item-board').click()
  await waitForBoard(page)
  await expect
    .poll(() => page.getByTestId('focus-param-highlight').getAttribute('data-shape'))
    .toBe(actionShape)
  await expect.poll(async () => (await viewOf(page, actionShape))?.contains).toBe(true)
  await expect.poll(() => page.url()).toBe(`${server.url}/b/${roomId}`)
  await cameraAtRest(page)
  await screenshot(page, 'decision-log-9-action-on-board')
}

// The story's steps fast-forwarded (see `story`): what each changes, over the API with Faye's
// credential as her page sends it, and where it leaves her page.

async function superseded({ server, decisionId, fayeToken }: Log) {
  // The form starts from the record's own words and sends them back; left out, they are kept —
  // all but who decides and who was consulted, which would become the author alone and nobody.
  const { decisionMakers, consulted } = await getJson<{
    decisionMakers: string[]
    consulted: string[]
  }>(server, `/api/decisions/${decisionId}`)
  const answer = await api(server, 'POST', `/api/decisions/${decisionId}/supersede`, {
    token: fayeToken,
    body: {
      decision: 'We merge to trunk daily; release branches only for hotfixes.',
      decisionMakers,
      consulted,
      note: 'Hotfixes still need a branch.',
    },
  })
  expect(answer.status, answer.text).toBe(201)
}

async function actionDone({ server, faye, fayeToken }: Log) {
  const [item] = await getJson<ActionItem[]>(server, `/api/action-items?owner=Pat`)
  const answer = await api(server, 'POST', `/api/action-items/${item!.id}`, {
    token: fayeToken,
    body: { status: 'done' },
  })
  expect(answer.status, answer.text).toBe(200)
  // The step ends on the done tab, where the item now is.
  await faye.page.goto(`${server.url}/actions?status=done`)
}

/**
 * Finding the record, reading it and opening its board change nothing: one test, on one settled
 * decision, reads all three.
 */
async function readTheLog(log: Log) {
  await searchTheLog(log)
  await readTheDetail(log)
  await openOnTheBoard(log)
}

const decisionLog = story(settledDecision, [
  // It only reads; the next step opens the page it needs.
  { step: readTheLog, fastForward: nothingToChange },
  { step: supersede, fastForward: superseded },
  { step: markTheActionDone, fastForward: actionDone },
  openTheActionOnTheBoard,
])

describe('decision log and action items (real Chromium, built app)', () => {
  it('the log’s search finds the record by a word of its title (the search kept in the address); its page shows the decision, the rationale and the dissent in the dissenter’s words; "Open on the board" zooms to the proposal region, outlined', async () => {
    await decisionLog(readTheLog)
  })

  it('superseding from the detail page creates the next record, linked both ways', async () => {
    await decisionLog(supersede)
  })

  it('the action items page lists the item; marking it done persists across a reload', async () => {
    await decisionLog(markTheActionDone)
  })

  it('an action item links to its note on the board, brought into view', async () => {
    await decisionLog(openTheActionOnTheBoard)
  })

  it('[rec:DR10] "Revisit in a workshop" opens a new disagree-and-commit starting from its words', async () => {
    const { server, faye, decisionId } = await settledDecision()
    onTestFailed(() => screenshot(faye.page, 'FAILED-decision-log-revisit'))
    const page = faye.page
    await page.goto(`${server.url}/decisions/${decisionId}`)
    await page.getByTestId('decision-revisit').click()
    await page.waitForURL(/\/b\//)
    await expect.poll(() => text(page, 'decision-revisits')).toContain(`Revisits ${decisionId}`)
    await expect.poll(() => page.getByTestId('proposal-title-input').inputValue()).toBe(title)
    await screenshot(page, 'decision-log-7-revisit')
    // The record stays current until the new workshop accepts a decision.
    const record = await getJson<{ status: string }>(server, `/api/decisions/${decisionId}`)
    expect(record.status).toBe('accepted')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
