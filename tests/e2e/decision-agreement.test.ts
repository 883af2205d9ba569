/**
 * [rec:AG1] One decision and one action item through their lives, in real Chromium against the
 * built app; after every step every view of them must say the same (issue 17's agreement run).
 *
 * The decision: a disagree-and-commit accepted over a block, a late commitment after the close, a
 * revisit that stays a proposal for a while and then supersedes it. After each step the record
 * page, the decision log, the board's panel, mark and image, the printed summary, and every
 * export (the record's MADR and JSON, the log's MADR folder, the workshop's Markdown and JSON)
 * are read back into the same facts and compared.
 *
 * The action item: made on a retro's note, changed on `/actions`, then marked done in the next
 * retro's review; after each step `/actions`, the badge on the board's note and the workshop's
 * CSV, Markdown and JSON exports must agree.
 *
 * People who only need to act (Pat decides, Quinn blocks) do so over the HTTP API as members of
 * the room; what is being compared is read in the browser and from the exports.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  type ActionFacts,
  actionsPageFacts,
  badgeFacts,
  csvActionFacts,
  jsonActionFacts,
  markdownActionFacts,
  type PartialActionFacts,
  printedActionFacts,
  storedActionFacts,
} from '../support/action-views.js'
import { joinWithLink, screenshot, shareLink } from '../support/browser.js'
import {
  boardFacts,
  type DecisionFacts,
  type Facts,
  imageFacts,
  logEntryFacts,
  madrFacts,
  printFacts,
  recordFacts,
  recordPageFacts,
  summaryFacts,
} from '../support/decision-views.js'
import { useE2e } from '../support/e2e.js'
import { type ActionItemJson, api, apiJson, type DecisionJson } from '../support/records-api.js'
import { joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { unzipTexts } from '../support/unzip.js'
import { waitFor } from '../support/wait.js'

const e2e = useE2e()

const block = 'Not while the launch is on'
const acknowledgment = 'The block is why we move only after the launch.'

type Member = { token: string; memberId: string }

async function send(roomId: string, member: Member, command: Record<string, unknown>) {
  const { status, body } = await sendCommand(e2e.server, roomId, member.token, command)
  expect(status, JSON.stringify({ command, body })).toBe(200)
  return body as Record<string, unknown>
}

const decisionPhases = ['proposal', 'discussion', 'stances', 'reveal', 'decide', 'commit', 'close']
const phase = (roomId: string, facilitator: Member, id: string) =>
  send(roomId, facilitator, { type: 'phase.set', index: decisionPhases.indexOf(id) })

/** The member credential this browser keeps for `roomId` (the board's own). */
async function browserMember(page: Page, roomId: string): Promise<Member> {
  const member = await page.evaluate(
    (key) =>
      (JSON.parse(localStorage.getItem(key) ?? '{}') as { member?: Member & { id: string } })
        .member,
    `accord:access:${roomId}`,
  )
  if (!member) throw new Error(`this browser has not joined ${roomId}`)
  return { token: member.token, memberId: member.id }
}

/**
 * Takes a disagree-and-commit with a proposal to its close over the API: the stances, their
 * reveal, the decider's acceptance, the commitments; resolves with the record its close keeps.
 */
async function decideAndClose(
  roomId: string,
  facilitator: Member,
  run: {
    stances: [Member, Record<string, unknown>][]
    decider: Member
    decision: Record<string, unknown>
    committers: Member[]
  },
): Promise<DecisionJson> {
  await phase(roomId, facilitator, 'stances')
  for (const [member, stance] of run.stances)
    await send(roomId, member, { type: 'stance.give', ...stance })
  await phase(roomId, facilitator, 'reveal')
  await send(roomId, facilitator, { type: 'stances.reveal' })
  await phase(roomId, facilitator, 'decide')
  await send(roomId, run.decider, { type: 'decision.record', outcome: 'accepted', ...run.decision })
  await phase(roomId, facilitator, 'commit')
  for (const member of run.committers) await send(roomId, member, { type: 'commit' })
  const closed = await send(roomId, facilitator, { type: 'workshop.close' })
  return (closed.records as { decision: DecisionJson }).decision
}

/** A disagree-and-commit, decided by Pat over Quinn's block; Faye and Pat commit, Quinn not yet. */
async function decidedOverABlock(faye: Page, roomId: string) {
  const links = tokensOf(roomId)
  const facilitator = await browserMember(faye, roomId)
  const pat: Member = await joinRoom(e2e.server, roomId, links.participant, 'Pat')
  const quinn: Member = await joinRoom(e2e.server, roomId, links.participant, 'Quinn')
  await send(roomId, facilitator, {
    type: 'proposal.set',
    title: 'Move the ledger to Postgres',
    context: 'Month-end writes queue behind each other.',
    deciderId: pat.memberId,
  })
  const decision = await decideAndClose(roomId, facilitator, {
    stances: [
      [quinn, { stance: 0, reason: block }],
      [pat, { stance: 4 }],
    ],
    decider: pat,
    decision: {
      decision: 'We move the ledger to Postgres after the launch.',
      rationale: 'Month end must finish within the hour.',
      acknowledgment,
    },
    committers: [facilitator, pat],
  })
  expect(decision.status).toBe('accepted')
  return { id: decision.id, pat, quinn }
}

/** Downloads an entry of the board's export menu; its text. */
async function boardDownload(page: Page, testId: string): Promise<string> {
  if ((await page.getByTestId(testId).count()) === 0)
    await page.getByTestId('export-button').click()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ])
  const chunks: Buffer[] = []
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer)
  await page.keyboard.press('Escape')
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads the printed summary, as the board's "Print summary" shows it, with `read`. */
async function printed<T>(page: Page, read: (page: Page) => Promise<T>): Promise<T> {
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-print').click()
  // The summary is ready (and printed) once the room's people are loaded.
  await expect.poll(() => page.getByTestId('print-again').isEnabled()).toBe(true)
  const facts = await read(page)
  await page.getByTestId('print-close').click()
  return facts
}

/** Every view of one decision record, each as the facts it states. */
async function decisionViews(
  reader: Page,
  board: Page,
  roomId: string,
  id: string,
): Promise<Record<string, Facts>> {
  const token = tokensOf(roomId).facilitator
  const record = (
    await apiJson<{ decision: DecisionJson }>(e2e.server, `/api/decisions/${id}/export?format=json`)
  ).decision
  const madr = await api(e2e.server, 'GET', `/api/decisions/${id}/export`)
  const folder = await unzipTexts(
    Buffer.from((await api(e2e.server, 'GET', '/api/decisions/export?format=madr')).bytes),
  )
  const folderFile = [...folder.entries()].find(([path]) =>
    path.startsWith(`decisions/${String(record.number).padStart(4, '0')}-`),
  )
  const markdown = await api(e2e.server, 'GET', `/api/rooms/${roomId}/export`, { token })
  const workshopJson = await apiJson<{ decisions: DecisionJson[] }>(
    e2e.server,
    `/api/rooms/${roomId}/export?format=json`,
    token,
  )
  const stored = workshopJson.decisions.find((each) => each.id === id)

  await reader.goto(`${e2e.server.url}/decisions/${id}`)
  await reader.getByTestId('decision-detail').waitFor()
  const recordPage = await recordPageFacts(reader)
  await reader.goto(`${e2e.server.url}/decisions`)
  await reader.locator(`[data-testid="log-item"][data-id="${id}"]`).waitFor()
  const log = await logEntryFacts(reader, id)

  return {
    'decision JSON': recordFacts(record),
    'MADR file': madrFacts(madr.text),
    'log folder': madrFacts(folderFile?.[1] ?? ''),
    'workshop Markdown': summaryFacts(markdown.text),
    'workshop JSON': stored ? recordFacts(stored) : {},
    'record page': recordPage,
    'decision log': log,
    board: await boardFacts(board, id),
    'board image': imageFacts(await boardDownload(board, 'export-svg')),
    'printed summary': await printed(board, printFacts),
  }
}

/** The facts a view states, taken from the expected whole: what the view is compared with. */
function expectedOf<F extends object>(view: Partial<F>, expected: F): Partial<F> {
  return Object.fromEntries(
    Object.keys(view).map((key) => [key, expected[key as keyof F]]),
  ) as Partial<F>
}

/**
 * Waits until every view states what `expected` says (the board reloads its records every few
 * seconds), then compares them all, each by the facts it shows.
 */
async function expectAgreement<F extends object>(
  what: string,
  readViews: () => Promise<Record<string, Partial<F>>>,
  expected: F,
) {
  let views: Record<string, Partial<F>> = {}
  const agreeing = () =>
    Object.values(views).every(
      (facts) => JSON.stringify(facts) === JSON.stringify(expectedOf(facts, expected)),
    )
  await waitFor(
    async () => {
      views = await readViews()
      return agreeing()
    },
    { what: `every view of ${what} agreeing`, timeoutMs: 30_000 },
  ).catch(() => undefined)
  for (const [view, facts] of Object.entries(views)) {
    // A view that could not be read states nothing: that is no agreement.
    expect(Object.keys(facts), `what ${view} says of ${what}`).not.toEqual([])
    expect(facts, `${view} of ${what}`).toEqual(expectedOf(facts, expected))
  }
}

/** Every view of one decision record agrees with `expected`. */
const expectDecisionAgreement = (
  reader: Page,
  board: Page,
  roomId: string,
  id: string,
  expected: DecisionFacts,
) => expectAgreement(id, () => decisionViews(reader, board, roomId, id), expected)

/** Every view of one action item, each as the facts it states. */
async function actionViews(
  reader: Page,
  board: Page,
  roomId: string,
  id: string,
  text: string,
): Promise<Record<string, PartialActionFacts>> {
  const token = tokensOf(roomId).facilitator
  const exported = (format: string) =>
    api(e2e.server, 'GET', `/api/rooms/${roomId}/export?format=${format}`, { token })
  const stored = await apiJson<ActionItemJson>(e2e.server, `/api/action-items/${id}`)
  const csv = await exported('csv')
  const markdown = await exported('md')
  const json = await exported('json')

  await reader.goto(`${e2e.server.url}/actions?status=all`)
  await reader.locator(`[data-testid="actions-item"][data-id="${id}"]`).waitFor()
  return {
    store: storedActionFacts(stored),
    'workshop CSV': csvActionFacts(csv.text, text),
    'workshop Markdown': markdownActionFacts(markdown.text, text),
    'workshop JSON': jsonActionFacts(json.json(), text),
    '/actions': await actionsPageFacts(reader, id),
    'badge on the board': await badgeFacts(board),
    'printed summary': await printed(board, (page) => printedActionFacts(page, text)),
  }
}

const expectActionAgreement = (
  reader: Page,
  board: Page,
  roomId: string,
  id: string,
  expected: ActionFacts,
) => expectAgreement(id, () => actionViews(reader, board, roomId, id, expected.text), expected)

describe('one decision, every view agreeing (real Chromium, built app)', () => {
  it('decided over a block, committed late, revisited and superseded: every view agrees after each step', async () => {
    const roomId = await e2e.room('Ledger database', { template: 'disagree-and-commit' })
    const faye = await e2e.join(roomId, 'Faye', 'facilitator')
    onTestFailed(() => screenshot(faye.page, 'FAILED-decision-agreement'))
    const reader = await e2e.tab(faye)

    // 1. Decided over a block, acknowledged; Quinn has not committed when the workshop closes.
    const { id, quinn } = await decidedOverABlock(faye.page, roomId)
    const decided: DecisionFacts = {
      status: 'accepted',
      supersededBy: null,
      acknowledgment,
      dissent: [block],
      committed: ['Faye', 'Pat'],
      lateCommitted: [],
      notCommitted: ['Quinn'],
      ledger: [
        'Faye proposed',
        'Faye stances-opened',
        'Quinn stance-given',
        'Pat stance-given',
        'Faye revealed',
        'Pat decided',
        'Pat block-acknowledged',
      ],
    }
    await expectDecisionAgreement(reader, faye.page, roomId, id, decided)
    await screenshot(reader, 'decision-agreement-1-decided')

    // 2. Quinn commits after the close: the record's content stays; the ledger says when.
    await send(roomId, quinn, { type: 'commit' })
    const committedLate: DecisionFacts = {
      ...decided,
      committed: ['Faye', 'Pat', 'Quinn'],
      lateCommitted: ['Quinn'],
      notCommitted: [],
      ledger: [...decided.ledger, 'Quinn committed'],
    }
    await expectDecisionAgreement(reader, faye.page, roomId, id, committedLate)

    // 3. Faye revisits it from the record page: a new workshop, its proposal from the record's
    // words. Until it accepts a decision of its own, the old record stands everywhere.
    await reader.goto(`${e2e.server.url}/decisions/${id}`)
    await reader.getByTestId('decision-revisit').click()
    await reader.waitForURL(/\/b\//)
    const revisitRoom = new URL(reader.url()).pathname.split('/')[2] ?? ''
    await expect
      .poll(() => reader.getByTestId('proposal-title-input').inputValue())
      .toBe('Move the ledger to Postgres')
    // Faye puts the proposal to the room, deciding herself, and saves it as a proposed record.
    const decider = reader.getByTestId('proposal-decider')
    await expect.poll(() => decider.locator('option', { hasText: 'Faye' }).count()).toBe(1)
    await decider.selectOption({ label: 'Faye' })
    await reader.getByTestId('proposal-save').click()
    await expect.poll(() => reader.getByTestId('proposal-title').count()).toBe(1)
    const revisitor = await browserMember(reader, revisitRoom)
    const proposed = await send(revisitRoom, revisitor, { type: 'records.save' })
    expect(proposed.decision).toMatchObject({ status: 'proposed', supersedes: null })
    await expectDecisionAgreement(reader, faye.page, roomId, id, committedLate)

    // 4. The revisit is decided — by Faye alone, with a stance and a commitment of its own.
    const successor = await decideAndClose(revisitRoom, revisitor, {
      stances: [[revisitor, { stance: 5 }]],
      decider: revisitor,
      decision: {
        decision: 'We move the ledger to Postgres now.',
        rationale: 'The launch is over.',
      },
      committers: [revisitor],
    })
    expect(successor).toMatchObject({ status: 'accepted', supersedes: id })
    await expectDecisionAgreement(reader, faye.page, roomId, id, {
      ...committedLate,
      status: 'superseded',
      supersededBy: successor.id,
    })
    // The successor has its own people: nothing of the old record's is copied into it.
    const board = await e2e.tab(faye)
    await board.goto(`${e2e.server.url}/b/${revisitRoom}`)
    await expectDecisionAgreement(reader, board, revisitRoom, successor.id, {
      status: 'accepted',
      supersededBy: null,
      acknowledgment: '',
      dissent: [],
      committed: ['Faye'],
      lateCommitted: [],
      notCommitted: [],
      // Its own way there, from its own workshop: nothing of the old one's.
      ledger: [
        'Faye proposed',
        'Faye stances-opened',
        'Faye stance-given',
        'Faye revealed',
        'Faye decided',
      ],
    })
    await screenshot(reader, 'decision-agreement-2-superseded')
  })

  it('an action item changed on /actions and in the next retro’s review: every view agrees after each step', async () => {
    const roomId = await e2e.room('Sprint 42 retro', { template: 'retro' })
    const faye = await e2e.join(roomId, 'Faye', 'facilitator')
    onTestFailed(() => screenshot(faye.page, 'FAILED-action-agreement'))
    const reader = await e2e.tab(faye)
    const facilitator = await browserMember(faye.page, roomId)
    const quinn: Member = await joinRoom(e2e.server, roomId, tokensOf(roomId).participant, 'Quinn')

    // 1. A note on the board becomes Quinn's action item, in words of its own.
    await faye.page.evaluate(() => {
      const editor = window.accord?.editor as unknown as {
        createShape(shape: Record<string, unknown>): void
      }
      editor.createShape({
        id: 'shape:long-standups',
        type: 'note',
        x: 0,
        y: 0,
        props: {
          richText: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Standups run long' }] },
            ],
          },
        },
      })
    })
    const made: ActionFacts = {
      text: 'Cap standups at 15 minutes',
      owner: 'Quinn',
      due: '2030-01-31',
      status: 'open',
    }
    const setAction = {
      type: 'action.set',
      noteId: 'shape:long-standups',
      text: made.text,
      ownerId: quinn.memberId,
      due: made.due,
    }
    // Once the server's copy of the board has the note.
    await waitFor(
      async () =>
        (await sendCommand(e2e.server, roomId, facilitator.token, setAction)).status === 200,
      { what: 'the action item stored' },
    )
    const [item] = await apiJson<ActionItemJson[]>(e2e.server, `/api/action-items?room=${roomId}`)
    const id = item?.id ?? ''
    await expectActionAgreement(reader, faye.page, roomId, id, made)

    // 2. On /actions, Faye hands it to Rae (not in the workshop) and moves the due date.
    await reader.goto(`${e2e.server.url}/actions?status=all`)
    const entry = reader.locator(`[data-testid="actions-item"][data-id="${id}"]`)
    await entry.getByTestId('actions-item-edit').click()
    await entry.getByTestId('actions-item-owner').fill('Rae')
    await entry.getByTestId('actions-item-due-input').fill('2030-02-28')
    await entry.getByTestId('actions-item-form').getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => entry.locator('.actions-page-item__meta').innerText()).toContain('Rae')
    const handedOver: ActionFacts = { ...made, owner: 'Rae', due: '2030-02-28' }
    await expectActionAgreement(reader, faye.page, roomId, id, handedOver)
    await screenshot(reader, 'action-agreement-1-handed-over')

    // 3. The next retro reviews it: Faye marks it done there.
    await send(roomId, facilitator, { type: 'workshop.close' })
    const next = await e2e.room('Sprint 43 retro', {
      template: 'retro',
      followUp: { roomId, token: tokensOf(roomId).facilitator },
    })
    const review = await e2e.tab(faye)
    await joinWithLink(review, shareLink(e2e.server, next, 'facilitator'), 'Faye')
    await expect
      .poll(() => review.getByTestId('review-item').first().innerText())
      .toContain(made.text)
    expect(await review.getByTestId('review-item').first().innerText()).toContain('Rae')
    await review.getByTestId('review-done').first().click()
    await expect
      .poll(() => review.getByTestId('review-item').first().getAttribute('data-status'))
      .toBe('done')
    await expectActionAgreement(reader, faye.page, roomId, id, { ...handedOver, status: 'done' })
    await screenshot(faye.page, 'action-agreement-2-done')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
