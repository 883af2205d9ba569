import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { type Participant, screenshot } from '../support/browser.js'
import { nothingToChange, story, useE2e } from '../support/e2e.js'
import {
  addPrivateNote,
  caughtUp,
  frameId,
  groupNotes as groupNotesInTheEditor,
  type Member,
  memberJoining,
  membersOf,
  noteId,
  serverShapes,
  toPhase,
} from '../support/fast-forward.js'
import { tokensOf } from '../support/server-process.js'

const e2e = useE2e()

/** The parts of the tldraw editor these tests read (window.d.ts declares only a few). */
interface Shape {
  readonly id: string
  readonly type: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  readonly props: { readonly name?: string; readonly w?: number; readonly h?: number }
  readonly meta: { readonly region?: string }
}
interface TestEditor {
  getCurrentPageShapes(): Shape[]
  getShape(id: string): Shape | undefined
  getShapeUtil(shape: Shape): { getText(shape: Shape): string | undefined }
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
  pageToViewport(point: { x: number; y: number }): { x: number; y: number }
  zoomToFit(): void
  getZoomLevel(): number
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent()

/** A retro's people, as members of its room: what its fast-forwards need. */
interface RetroMembers {
  readonly roomId: string
  readonly members: { readonly faye: Member; readonly pat: Member; readonly quinn: Member }
}

interface Retro extends RetroMembers {
  readonly faye: Participant
  readonly pat: Participant
  readonly quinn: Participant
  readonly everyone: readonly Participant[]
  readonly participants: readonly Participant[]
}

/** A new Start / Stop / Continue retro. */
const newRetro = () =>
  e2e.room('Sprint 42 retro', {
    template: 'retro',
    options: { format: 'start-stop-continue', dots: 3, writingMinutes: 4 },
  })

/** A new retro, open for its facilitator Faye and for Pat and Quinn. */
async function retroRoom(): Promise<Retro> {
  const roomId = await newRetro()
  // At once: loading a board is mostly one renderer's work, and the machines have two cores.
  const [faye, pat, quinn] = await Promise.all([
    e2e.join(roomId, 'Faye', 'facilitator'),
    e2e.join(roomId, 'Pat'),
    e2e.join(roomId, 'Quinn'),
  ])
  const members = await membersOf(e2e.server, roomId, { faye, pat, quinn })
  const everyone = [faye, pat, quinn]
  return { roomId, faye, pat, quinn, everyone, participants: [pat, quinn], members }
}

/** Region key → its frame, as a page's editor has it. */
function regionFrames(page: Page): Promise<Record<string, Shape>> {
  return page.evaluate(() => {
    const editor = window.accord?.editor as unknown as TestEditor
    return Object.fromEntries(
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'frame' && typeof shape.meta.region === 'string')
        .map((shape) => [shape.meta.region, shape]),
    )
  })
}

/** Each note's text → the region its frame (or its frame's frame) belongs to, as a page sees it. */
function noteRegions(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const editor = window.accord?.editor as unknown as TestEditor
    const regionOf = (shape: Shape): string | null => {
      const parent = editor.getShape(shape.parentId)
      if (!parent) return null
      return parent.meta.region ?? regionOf(parent)
    }
    return Object.fromEntries(
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note')
        .map((note) => [editor.getShapeUtil(note).getText(note)?.trim() ?? '', regionOf(note)]),
    )
  })
}

/** The id of the frame named `name` (a theme), as a page sees it. */
function frameNamed(page: Page, name: string): Promise<string | null> {
  return page.evaluate(
    (wanted) =>
      (window.accord?.editor as unknown as TestEditor)
        .getCurrentPageShapes()
        .find((shape) => shape.type === 'frame' && shape.props.name === wanted)?.id ?? null,
    name,
  )
}

/** A note on the canvas, by its text (only rendered shapes: tldraw also keeps measuring copies). */
const noteOnCanvas = (page: Page, label: string) =>
  page.locator('.tl-shape').filter({ hasText: label }).last()

/** The facilitator moves everyone on; everyone sees the new phase. */
async function nextPhase({ faye, everyone }: Retro, name: string) {
  await faye.page.getByTestId('phase-next').click()
  for (const person of everyone) {
    await expect.poll(() => text(person.page, 'phase-name')).toBe(name)
  }
}

async function writePrivately(page: Page, region: string, note: string) {
  await page.getByTestId(`note-region-${region}`).click()
  const before = await page.getByTestId('private-note').count()
  await page.getByTestId('private-note-input').fill(note)
  await page.getByTestId('private-note-add').click()
  await expect.poll(() => page.getByTestId('private-note').count()).toBe(before + 1)
}

/** Selects notes by clicking them on the canvas (shift-click for the rest), then groups them. */
async function groupNotes(page: Page, labels: readonly string[], name: string) {
  await page.keyboard.press('Escape')
  for (const [i, label] of labels.entries()) {
    await noteOnCanvas(page, label).click({ modifiers: i === 0 ? [] : ['Shift'] })
  }
  await page.getByTestId('group-notes').click()
  // The new theme is selected: name it by double-clicking its title, as anyone would.
  await page.locator('.tl-frame-heading').filter({ hasText: 'New group' }).dblclick()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
}

const columnCounts = (page: Page) => page.getByTestId('retro-column-count').allTextContents()
const themeNames = (page: Page) => page.getByTestId('retro-theme-name').allTextContents()

// The story, step by step (see `story`): each test brings a retro of its own to the state the
// steps before its own leave, and then runs its own step through the UI.

async function opensLaidOut({ faye, pat, everyone }: Retro) {
  onTestFailed(() => screenshot(pat.page, 'FAILED-retro-open'))
  for (const person of everyone) {
    await expect
      .poll(async () => Object.keys(await regionFrames(person.page)).sort())
      .toEqual(['continue', 'start', 'stop'])
    expect(await text(person.page, 'phase-name')).toBe('Set the stage')
    await person.page.getByTestId('retro-panel').waitFor()
    expect(await text(person.page, 'retro-format')).toBe('Start / Stop / Continue')
    expect(await columnCounts(person.page)).toEqual(['0', '0', '0'])
  }
  const frames = await regionFrames(pat.page)
  expect(frames.start?.props.name).toBe('Start')
  // Only the facilitator leads: participants read the panel without its controls.
  expect(await faye.page.getByTestId('workshop-close').count()).toBe(1)
  expect(await pat.page.getByTestId('workshop-close').count()).toBe(0)
  await screenshot(faye.page, 'retro-1-set-the-stage')
}

async function writePrivatelyInColumns(retro: Retro) {
  const { faye, pat, quinn, everyone } = retro
  onTestFailed(() => screenshot(pat.page, 'FAILED-retro-writing'))
  await nextPhase(retro, 'Private writing')
  // The timer offers the phase's own duration (the room's option: 4 minutes).
  expect(await faye.page.getByTestId('timer-minutes').inputValue()).toBe('4')
  await faye.page.getByTestId('timer-start').click()
  for (const person of everyone) {
    await expect.poll(() => person.page.getByTestId('timer-time').count()).toBe(1)
  }

  await writePrivately(pat.page, 'start', 'Pair more often')
  await writePrivately(pat.page, 'stop', 'Long standups')
  await writePrivately(quinn.page, 'start', 'Demo every sprint')
  await writePrivately(quinn.page, 'stop', 'Too many meetings')
  await writePrivately(quinn.page, 'continue', 'Code reviews')
  expect(await pat.page.getByTestId('private-note-region').allTextContents()).toEqual([
    'Start',
    'Stop',
  ])
  expect(await quinn.page.getByTestId('private-note-region').allTextContents()).toEqual([
    'Start',
    'Stop',
    'Continue',
  ])
  // The last column chosen stays chosen.
  expect(await quinn.page.getByTestId('note-region-continue').getAttribute('aria-selected')).toBe(
    'true',
  )
  const bodyText = (page: Page) => page.evaluate(() => document.body.innerText)
  expect(await bodyText(faye.page)).not.toContain('Long standups')
  expect(await bodyText(quinn.page)).not.toContain('Long standups')
  expect(await bodyText(pat.page)).not.toContain('Code reviews')
  for (const person of everyone) expect(await noteRegions(person.page)).toEqual({})
  await screenshot(quinn.page, 'retro-2-private-writing')
}

async function revealIntoColumns(retro: Retro) {
  const { faye, pat, everyone } = retro
  onTestFailed(() => screenshot(faye.page, 'FAILED-retro-reveal'))
  await nextPhase(retro, 'Reveal')
  await expect.poll(() => text(faye.page, 'reveal-all')).toContain('5 from 2 people')
  await faye.page.getByTestId('reveal-all').click()
  const expected = {
    'Pair more often': 'start',
    'Demo every sprint': 'start',
    'Long standups': 'stop',
    'Too many meetings': 'stop',
    'Code reviews': 'continue',
  }
  for (const person of everyone) {
    await expect.poll(() => noteRegions(person.page)).toEqual(expected)
    await expect.poll(() => columnCounts(person.page)).toEqual(['2', '2', '1'])
  }
  await screenshot(pat.page, 'retro-3-reveal')
}

async function groupIntoThemes(retro: Retro) {
  const { faye, pat, quinn, everyone } = retro
  onTestFailed(() => screenshot(pat.page, 'FAILED-retro-group'))
  await nextPhase(retro, 'Group into themes')
  await groupNotes(pat.page, ['Long standups', 'Too many meetings'], 'Meetings')
  await groupNotes(quinn.page, ['Pair more often', 'Demo every sprint'], 'Collaboration')
  for (const person of everyone) {
    await expect
      .poll(async () => (await themeNames(person.page)).sort())
      .toEqual(['Collaboration', 'Meetings'])
  }
  // A theme made inside a column stays in it: its notes still count for the column.
  expect(await noteRegions(faye.page)).toMatchObject({
    'Long standups': 'stop',
    'Pair more often': 'start',
  })
  expect(await columnCounts(faye.page)).toEqual(['2', '2', '1'])
  await screenshot(faye.page, 'retro-4-themes')
}

async function dotVote(retro: Retro) {
  const { faye, pat, quinn, everyone, participants } = retro
  onTestFailed(() => screenshot(faye.page, 'FAILED-retro-vote'))
  await nextPhase(retro, 'Dot vote')
  await faye.page.keyboard.press('Escape')
  await faye.page.getByTestId('vote-start').click()
  // The vote is over the themes by default, with the room's dots per person.
  expect(await faye.page.getByTestId('vote-scope-themes').isChecked()).toBe(true)
  expect(await faye.page.getByTestId('vote-dots-per-person').inputValue()).toBe('3')
  const items = (await text(faye.page, 'vote-items')) ?? ''
  expect(items.split(' · ').sort()).toEqual(['Collaboration', 'Meetings'])
  await faye.page.getByTestId('vote-open').click()

  const give = (page: Page, label: string) =>
    page.getByRole('button', { name: `Give “${label}” a dot` }).click()
  for (const person of participants) {
    await expect.poll(() => text(person.page, 'vote-status')).toContain('3 of 3 dots left')
    await give(person.page, 'Meetings')
    await give(person.page, 'Meetings')
    await give(person.page, 'Collaboration')
    await expect.poll(() => text(person.page, 'vote-status')).toContain('0 of 3 dots left')
  }
  expect(await faye.page.getByTestId('theme-dots').allTextContents()).toEqual(['', ''])
  await screenshot(pat.page, 'retro-5-vote-open')

  await faye.page.getByTestId('vote-close').click()
  for (const person of everyone) {
    await expect.poll(() => themeNames(person.page)).toEqual(['Meetings', 'Collaboration'])
    await expect
      .poll(() => person.page.getByTestId('theme-dots').allTextContents())
      .toEqual(['4 dots', '2 dots'])
  }
  await screenshot(quinn.page, 'retro-5-vote-closed')
}

async function discussThemes(retro: Retro) {
  const { faye, pat, quinn, everyone, participants } = retro
  onTestFailed(() => screenshot(quinn.page, 'FAILED-retro-discuss'))
  await nextPhase(retro, 'Discuss')
  const meetings = await frameNamed(faye.page, 'Meetings')
  expect(meetings).not.toBeNull()
  expect(await pat.page.getByTestId('theme-next').count()).toBe(0)
  await faye.page.getByTestId('theme-next').click()
  for (const person of everyone) {
    await expect
      .poll(() => person.page.getByTestId('board-spotlight').getAttribute('data-shape'))
      .toBe(meetings)
    await expect
      .poll(() =>
        person.page
          .getByTestId('retro-theme')
          .filter({ hasText: 'Meetings' })
          .getAttribute('data-status'),
      )
      .toBe('discussing')
  }
  // The spotlight is brought into view: the whole theme, beside the workshop panel.
  for (const person of participants) {
    await expect
      .poll(() =>
        person.page.evaluate((id) => {
          const editor = window.accord?.editor as unknown as TestEditor
          const bounds = editor.getShapePageBounds(id)
          if (!bounds) return false
          const min = editor.pageToViewport(bounds)
          const max = editor.pageToViewport({ x: bounds.x + bounds.w, y: bounds.y + bounds.h })
          const panel = document.querySelector('[data-testid="workshop-panel"]')
          const free = panel?.getBoundingClientRect().left ?? 1280
          return min.x >= 0 && min.y >= 0 && max.x <= free && max.y <= 800 - 104
        }, meetings ?? ''),
      )
      .toBe(true)
  }
  await faye.page.getByTestId('theme-note-input').fill('Standups end after 15 minutes.')
  await faye.page.getByTestId('theme-note-save').click()
  await expect.poll(() => text(pat.page, 'theme-note')).toBe('Standups end after 15 minutes.')
  await screenshot(quinn.page, 'retro-6-discuss')

  // On to the next theme: the first is marked discussed.
  await faye.page.getByTestId('theme-next').click()
  const collaboration = await frameNamed(faye.page, 'Collaboration')
  await expect
    .poll(() => quinn.page.getByTestId('board-spotlight').getAttribute('data-shape'))
    .toBe(collaboration)
  await expect
    .poll(() => quinn.page.getByTestId('retro-theme').first().getAttribute('data-status'))
    .toBe('discussed')
  expect(await faye.page.getByTestId('theme-next').isDisabled()).toBe(true)
}

async function makeActionItems(retro: Retro) {
  const { faye, pat, everyone } = retro
  onTestFailed(() => screenshot(pat.page, 'FAILED-retro-actions'))
  await nextPhase(retro, 'Action items')
  await pat.page.getByTestId('workshop-toggle').click() // the canvas to himself
  await pat.page.evaluate(() => {
    ;(window.accord?.editor as unknown as TestEditor).zoomToFit()
  })
  await noteOnCanvas(pat.page, 'Long standups').click()
  await pat.page.getByTestId('make-action').click()
  await pat.page.getByTestId('action-owner').selectOption({ label: 'Quinn' })
  await pat.page.getByTestId('action-due').fill('2026-12-04')
  await pat.page.getByTestId('action-save').click()
  await pat.page.getByTestId('workshop-toggle').click()
  for (const person of everyone) {
    await expect
      .poll(() => person.page.getByTestId('workshop-action').textContent())
      .toContain('Long standups')
    expect(await text(person.page, 'workshop-action-owner')).toContain('Quinn')
  }
  await screenshot(faye.page, 'retro-7-actions')
}

async function closeTheRetro({ roomId, faye, everyone }: Retro) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-retro-close'))
  await faye.page.getByTestId('workshop-close').click()
  for (const person of everyone) {
    await person.page.getByTestId('workshop-closed').waitFor()
    await expect.poll(() => text(person.page, 'phase-name')).toBe('Close')
  }
  const response = await fetch(`${e2e.server.url}/api/rooms/${roomId}/result`, {
    headers: { authorization: `Bearer ${tokensOf(roomId).facilitator}` },
  })
  expect(response.status).toBe(200)
  const { template, result } = (await response.json()) as {
    template: string
    result: Record<string, unknown>
  }
  expect(template).toBe('retro')
  expect(result).toMatchObject({
    template: 'retro',
    title: 'Sprint 42 retro',
    format: { id: 'start-stop-continue' },
    vote: { dotsPerPerson: 3, voters: 2 },
    themes: [
      {
        name: 'Meetings',
        dots: 4,
        rank: 1,
        discussed: true,
        discussionNote: 'Standups end after 15 minutes.',
      },
      { name: 'Collaboration', dots: 2, rank: 2, discussed: true },
    ],
    actions: [{ text: 'Long standups', ownerName: 'Quinn', due: '2026-12-04' }],
  })
  const columns = result.columns as { key: string; notes: string[] }[]
  expect(Object.fromEntries(columns.map((c) => [c.key, [...c.notes].sort()]))).toEqual({
    start: ['Demo every sprint', 'Pair more often'],
    stop: ['Long standups', 'Too many meetings'],
    continue: ['Code reviews'],
  })
  const themes = result.themes as { notes: string[] }[]
  expect([...(themes[0]?.notes ?? [])].sort()).toEqual(['Long standups', 'Too many meetings'])
  expect((result.participants as { name: string }[]).map((p) => p.name).sort()).toEqual([
    'Faye',
    'Pat',
    'Quinn',
  ])
  await screenshot(faye.page, 'retro-8-closed')
}

async function reviewInTheNextRetro({ roomId }: RetroMembers) {
  const next = await e2e.room('Sprint 43 retro', {
    template: 'retro',
    followUp: { roomId, token: tokensOf(roomId).facilitator },
  })
  const [{ page: fayeNext }, { page: quinnNext }] = await Promise.all([
    e2e.join(next, 'Faye', 'facilitator'),
    e2e.join(next, 'Quinn'),
  ])
  onTestFailed(() => screenshot(fayeNext, 'FAILED-retro-review'))
  for (const page of [fayeNext, quinnNext]) {
    expect(await text(page, 'phase-name')).toBe('Review last actions')
    await expect.poll(() => text(page, 'review-item')).toContain('Long standups')
    expect(await text(page, 'review-item')).toContain('Quinn')
  }
  expect(await quinnNext.getByTestId('review-done').count()).toBe(0)
  await fayeNext.getByTestId('review-done').click()
  await expect
    .poll(() => quinnNext.getByTestId('review-item').getAttribute('data-status'))
    .toBe('done')
  await screenshot(fayeNext, 'retro-9-next-retro-review')
}

// The story's steps fast-forwarded (see `story`): the commands their forms and buttons send, sent
// as the people who use them there, and the app's own grouping in their pages.

/** The phases' places in the retro, as `phase.set` takes them. */
const retroPhase = { write: 1, reveal: 2, group: 3, vote: 4, discuss: 5, actions: 6 } as const

/** Waits until everyone's page shows what was fast-forwarded. */
const everyoneCaughtUp = ({ roomId, everyone }: Retro) => caughtUp(e2e.server, roomId, everyone)

async function writtenPrivately({ members: { faye, pat, quinn } }: RetroMembers) {
  await toPhase(faye, retroPhase.write)
  // The timer's own duration for the phase: the room's 4 minutes.
  await faye.send({ type: 'timer.start', seconds: 4 * 60 })
  for (const [writer, region, note] of [
    [pat, 'start', 'Pair more often'],
    [pat, 'stop', 'Long standups'],
    [quinn, 'start', 'Demo every sprint'],
    [quinn, 'stop', 'Too many meetings'],
    [quinn, 'continue', 'Code reviews'],
  ] as const)
    await addPrivateNote(writer, note, region)
}

async function revealed({ members: { faye } }: RetroMembers) {
  await toPhase(faye, retroPhase.reveal)
  await faye.send({ type: 'notes.reveal', scope: 'all' })
}

async function grouped({ roomId, pat, quinn, members }: Retro) {
  await toPhase(members.faye, retroPhase.group)
  // Grouping is the app's own board edit, in Pat's and Quinn's pages: they show the phase and
  // the notes first, and the server has their themes after.
  await caughtUp(e2e.server, roomId, [pat, quinn])
  await groupNotesInTheEditor(pat.page, ['Long standups', 'Too many meetings'], 'Meetings')
  await groupNotesInTheEditor(quinn.page, ['Pair more often', 'Demo every sprint'], 'Collaboration')
  await caughtUp(e2e.server, roomId, [pat, quinn])
}

/** The themes' ids, as the server has them. */
async function themes({ roomId }: RetroMembers) {
  const shapes = await serverShapes(e2e.server, roomId)
  return { meetings: frameId(shapes, 'Meetings'), collaboration: frameId(shapes, 'Collaboration') }
}

async function voted(retro: Retro) {
  const { roomId, faye, members } = retro
  await toPhase(members.faye, retroPhase.vote)
  // The vote's items are the themes as Faye's vote dialog finds them on her board: it is opened
  // there, once her page shows the phase; it closes when the server has opened the vote.
  await caughtUp(e2e.server, roomId, [faye])
  await faye.page.getByTestId('vote-start').click()
  await faye.page.getByTestId('vote-open').click()
  await faye.page.getByTestId('vote-setup').waitFor({ state: 'hidden' })
  const { meetings, collaboration } = await themes(retro)
  for (const voter of [members.pat, members.quinn])
    for (const itemId of [meetings, meetings, collaboration])
      await voter.send({ type: 'vote.cast', itemId, delta: 1 })
  await members.faye.send({ type: 'vote.close' })
}

async function themesDiscussed(retro: RetroMembers) {
  const { faye } = retro.members
  const { meetings, collaboration } = await themes(retro)
  await toPhase(faye, retroPhase.discuss)
  await faye.send({ type: 'theme.discuss', themeId: meetings })
  await faye.send({ type: 'theme.note', themeId: meetings, note: 'Standups end after 15 minutes.' })
  await faye.send({ type: 'theme.discuss', themeId: collaboration })
}

async function actionMade({ roomId, members: { faye, pat, quinn } }: RetroMembers) {
  await toPhase(faye, retroPhase.actions)
  await pat.send({
    type: 'action.set',
    noteId: noteId(await serverShapes(e2e.server, roomId), 'Long standups'),
    text: 'Long standups',
    ownerId: quinn.id,
    externalOwner: null,
    due: '2026-12-04',
  })
}

async function closed({ members: { faye } }: RetroMembers) {
  await faye.send({ type: 'workshop.close' })
}

const retroStory = story(
  retroRoom,
  [
    { step: opensLaidOut, fastForward: nothingToChange },
    { step: writePrivatelyInColumns, fastForward: writtenPrivately },
    { step: revealIntoColumns, fastForward: revealed },
    { step: groupIntoThemes, fastForward: grouped },
    { step: dotVote, fastForward: voted },
    { step: discussThemes, fastForward: themesDiscussed },
    { step: makeActionItems, fastForward: actionMade },
    closeTheRetro,
  ],
  everyoneCaughtUp,
)

/**
 * A closed retro that leaves one open action, Quinn's "Long standups": what the next retro's
 * review looks at. Its people join over the API and its steps are fast-forwarded — those that
 * lead to the action — with no browser in it: the review is the next retro's.
 */
async function closedWithAnOpenAction(): Promise<RetroMembers> {
  const roomId = await newRetro()
  const members = {
    faye: await memberJoining(e2e.server, roomId, 'facilitator', 'Faye'),
    pat: await memberJoining(e2e.server, roomId, 'participant', 'Pat'),
    quinn: await memberJoining(e2e.server, roomId, 'participant', 'Quinn'),
  }
  const retro = { roomId, members }
  for (const fastForward of [writtenPrivately, revealed, actionMade, closed])
    await fastForward(retro)
  return retro
}

describe('a retro, start to close (real Chromium, built app)', () => {
  it('opens laid out in its columns, with the workshop panel, for everyone', async () => {
    await retroStory(opensLaidOut)
  })

  it('private writing: each writes notes for the columns, seen by nobody else', async () => {
    await retroStory(writePrivatelyInColumns)
  })

  it('reveal: the notes appear inside the columns they were written for', async () => {
    await retroStory(revealIntoColumns)
  })

  it('group: participants make named themes out of notes', async () => {
    await retroStory(groupIntoThemes)
  })

  it('dot vote: over the themes, 3 dots each, tallied when the facilitator closes it', async () => {
    await retroStory(dotVote)
  })

  it('discuss: "Next theme" puts the top theme in the spotlight for everyone', async () => {
    await retroStory(discussThemes)
  })

  it('action items: a note becomes an action with one owner, listed for everyone', async () => {
    await retroStory(makeActionItems)
  })

  it('close: the facilitator closes the retro and its result is stored', async () => {
    await retroStory(closeTheRetro)
  })

  it('the team’s next retro opens with a review of this one’s open actions', async () => {
    await reviewInTheNextRetro(await closedWithAnOpenAction())
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})

describe('a template’s layout on the board (real Chromium, built app)', () => {
  /** A new retro, open for its facilitator and for Pat. */
  async function layoutDrill() {
    const layoutRoom = await e2e.room('Layout drill', { template: 'retro' })
    const [faye, pat] = await Promise.all([
      e2e.join(layoutRoom, 'Faye', 'facilitator'),
      e2e.join(layoutRoom, 'Pat'),
    ])
    return { fayePage: faye.page, patPage: pat.page }
  }

  const startFrame = async (page: Page) => (await regionFrames(page)).start
  /** Where a point of the page (the board) is on the screen. */
  const onScreen = (page: Page, point: { x: number; y: number }) =>
    page.evaluate(
      (at) => (window.accord?.editor as unknown as TestEditor).pageToViewport(at),
      point,
    )
  async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 })
    await page.mouse.up()
  }

  it('a participant cannot move, select or delete a region, but can move a note inside it', async () => {
    const { fayePage, patPage } = await layoutDrill()
    onTestFailed(async () => {
      await screenshot(patPage, 'FAILED-layout-pat')
      await screenshot(fayePage, 'FAILED-layout-faye')
    })
    const frame = await startFrame(fayePage)
    expect(frame).toBeDefined()
    const { x, y } = frame ?? { x: 0, y: 0 }
    // Pat puts a note in the Start column with the note tool.
    const inside = await onScreen(patPage, { x: x + 150, y: y + 300 })
    await patPage.locator('.tl-canvas').click({ position: { x: inside.x, y: inside.y + 150 } })
    await patPage.keyboard.press('n')
    await patPage.locator('.tl-canvas').click({ position: inside })
    await patPage.keyboard.type('Inside Start')
    await patPage.keyboard.press('Escape')
    await expect.poll(() => noteRegions(fayePage)).toEqual({ 'Inside Start': 'start' })

    // He drags the column by its title, and presses Delete: it stays where it is, for everyone.
    await patPage.keyboard.press('Escape')
    const title = patPage.locator('.tl-frame-heading').filter({ hasText: 'Start' })
    const box = await title.boundingBox()
    expect(box).not.toBeNull()
    await drag(patPage, { x: (box?.x ?? 0) + 10, y: (box?.y ?? 0) + 8 }, { x: 250, y: 120 })
    await patPage.keyboard.press('Delete')
    for (const page of [patPage, fayePage]) {
      expect(await startFrame(page)).toMatchObject({ x, y })
    }
    expect(await noteRegions(fayePage)).toEqual({ 'Inside Start': 'start' })

    // The note inside it moves freely, and stays in the column.
    const noteBefore = await noteY(fayePage, 'Inside Start')
    const note = await noteOnCanvas(patPage, 'Inside Start').boundingBox()
    await drag(
      patPage,
      { x: (note?.x ?? 0) + (note?.width ?? 0) / 2, y: (note?.y ?? 0) + (note?.height ?? 0) / 2 },
      { x: 0, y: 120 },
    )
    await expect.poll(() => noteY(fayePage, 'Inside Start')).toBeGreaterThan(noteBefore + 50)
    expect(await noteRegions(fayePage)).toEqual({ 'Inside Start': 'start' })
    expect(await startFrame(fayePage)).toMatchObject({ x, y })
    await screenshot(patPage, 'layout-1-note-moved-region-fixed')

    // The facilitator can still change the layout.
    const fayeTitle = await fayePage
      .locator('.tl-frame-heading')
      .filter({ hasText: 'Start' })
      .boundingBox()
    await drag(
      fayePage,
      { x: (fayeTitle?.x ?? 0) + 10, y: (fayeTitle?.y ?? 0) + 8 },
      { x: 0, y: 100 },
    )
    await expect.poll(async () => (await startFrame(patPage))?.y).toBeGreaterThan(y + 50)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})

describe('an empathy map walks its regions (real Chromium, built app)', () => {
  /** A new empathy map, open for its facilitator and for Pat. */
  async function empathyDrill() {
    const room = await e2e.room('Empathy drill', {
      template: 'empathy-map',
      options: { persona: 'a first-time buyer on mobile' },
    })
    const [faye, pat] = await Promise.all([
      e2e.join(room, 'Faye', 'facilitator'),
      e2e.join(room, 'Pat'),
    ])
    return { fayePage: faye.page, patPage: pat.page }
  }

  /** Is the whole region frame on the screen (below the header bars, beside the panel)? */
  const regionInView = (page: Page, key: string) =>
    page.evaluate((wanted) => {
      const editor = window.accord?.editor as unknown as TestEditor
      const frame = editor
        .getCurrentPageShapes()
        .find((shape) => shape.type === 'frame' && shape.meta.region === wanted)
      const bounds = frame && editor.getShapePageBounds(frame.id)
      if (!bounds) return false
      const min = editor.pageToViewport(bounds)
      const max = editor.pageToViewport({ x: bounds.x + bounds.w, y: bounds.y + bounds.h })
      // Beside the workshop panel, not under it.
      const panel = document.querySelector('[data-testid="workshop-panel"]')
      const free = panel?.getBoundingClientRect().left ?? 1280
      return min.x >= 0 && min.y >= 0 && max.x <= free && max.y <= 800 - 104
    }, key)

  it('each phase brings its region into everyone’s view, outlined', async () => {
    const { fayePage, patPage } = await empathyDrill()
    onTestFailed(() => screenshot(patPage, 'FAILED-empathy-pat'))
    for (const page of [fayePage, patPage]) {
      await expect
        .poll(() => page.getByTestId('board-focus').getAttribute('data-region'))
        .toBe('who')
      await expect.poll(() => regionInView(page, 'who')).toBe(true)
      expect(await text(page, 'empathy-persona')).toContain('a first-time buyer on mobile')
    }
    await fayePage.getByTestId('phase-next').click()
    for (const page of [fayePage, patPage]) {
      await expect.poll(() => text(page, 'phase-name')).toBe('Goal')
      await expect
        .poll(() => page.getByTestId('board-focus').getAttribute('data-region'))
        .toBe('goal')
      await expect.poll(() => regionInView(page, 'goal')).toBe(true)
      // The panel marks the region the phase is about.
      expect(
        await page
          .locator('[data-testid="empathy-region"][aria-current="step"]')
          .getAttribute('data-region'),
      ).toBe('goal')
    }
    // The timer offers the phase's own duration (4 minutes a region).
    expect(await fayePage.getByTestId('timer-minutes').inputValue()).toBe('4')
    await screenshot(patPage, 'empathy-1-goal-in-focus')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})

/** A note's y on the page (its parent's space: here, its column's). */
function noteY(page: Page, label: string): Promise<number> {
  return page.evaluate((wanted) => {
    const editor = window.accord?.editor as unknown as TestEditor
    const note = editor
      .getCurrentPageShapes()
      .find(
        (shape) => shape.type === 'note' && editor.getShapeUtil(shape).getText(shape) === wanted,
      )
    return note?.y ?? Number.NaN
  }, label)
}
