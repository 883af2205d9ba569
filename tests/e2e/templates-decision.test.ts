/**
 * Disagree-and-commit and pre-mortem through the UI, in real Chromium against the built app: a
 * facilitator and participants in separate browser profiles run the method's phases from the
 * workshop panel, and the stored result is checked over the API. A screenshot per phase is kept.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { type Participant, screenshot, shapesWithText } from '../support/browser.js'
import { story, useE2e } from '../support/e2e.js'
import {
  addPrivateNote,
  caughtUp,
  frameId,
  groupNotes,
  type Member,
  membersOf,
  serverShapes,
  toPhase,
} from '../support/fast-forward.js'
import { tokensOf } from '../support/server-process.js'

const e2e = useE2e()

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText)
const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const count = (page: Page, testId: string) => page.getByTestId(testId).count()
const texts = (page: Page, testId: string) => page.getByTestId(testId).allInnerTexts()

/** Waits until the people list (refreshed every few seconds) offers `name` in a select. */
async function choosePerson(page: Page, testId: string, name: string) {
  const select = page.getByTestId(testId)
  await expect.poll(() => select.locator('option', { hasText: name }).count()).toBe(1)
  await select.selectOption({ label: name })
}

async function nextPhase(faye: Page, everyone: readonly Participant[], name: string) {
  await faye.getByTestId('phase-next').click()
  for (const person of everyone) await expect.poll(() => text(person.page, 'phase-name')).toBe(name)
}

async function storedResult(roomId: string) {
  const response = await fetch(`${e2e.server.url}/api/rooms/${roomId}/result`, {
    headers: { authorization: `Bearer ${tokensOf(roomId).facilitator}` },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { result: Record<string, unknown> }).result
}

const dissent = 'We have nobody who can run Postgres at night'

interface Room {
  readonly roomId: string
  readonly faye: Participant
  readonly pat: Participant
  readonly quinn?: Participant
  readonly everyone: Participant[]
  /** The same people's memberships, for the fast-forwards. */
  readonly members: { readonly faye: Member; readonly pat: Member }
}
type DecisionRoom = Room & {
  readonly quinn: Participant
  readonly members: { readonly quinn: Member }
}

/** Waits until everyone's page shows what was fast-forwarded. */
const everyoneCaughtUp = ({ roomId, everyone }: Room) => caughtUp(e2e.server, roomId, everyone)

/** A new disagree-and-commit room, open for its facilitator Faye and participants Pat and Quinn. */
async function decisionRoom(): Promise<DecisionRoom> {
  const roomId = await e2e.room('Database decision', { template: 'disagree-and-commit' })
  // At once: loading a board is mostly one renderer's work, and the machines have two cores.
  const [faye, pat, quinn] = await Promise.all([
    e2e.join(roomId, 'Faye', 'facilitator'),
    e2e.join(roomId, 'Pat'),
    e2e.join(roomId, 'Quinn'),
  ])
  const members = await membersOf(e2e.server, roomId, { faye, pat, quinn })
  return { roomId, faye, pat, quinn, everyone: [faye, pat, quinn], members }
}

// Each story, step by step (see `story`): each test brings a room of its own to the state the
// steps before its own leave, and then runs its own step through the UI.

async function recordTheProposal({ faye, pat, quinn, everyone }: DecisionRoom) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-proposal'))
  for (const person of everyone)
    await expect.poll(() => text(person.page, 'phase-name')).toBe('Proposal')
  expect(await count(pat.page, 'proposal-form')).toBe(0)
  await expect
    .poll(() => text(quinn.page, 'decision-no-proposal'))
    .toContain('The facilitator records the proposal')

  const form = faye.page.getByTestId('proposal-form')
  await form.getByTestId('proposal-title-input').fill('Move from SQLite to Postgres')
  await form.getByTestId('proposal-context-input').fill('Writes double next quarter.')
  await form.getByTestId('proposal-drivers-input').fill('Month-end writes finish within the hour')
  await form.getByTestId('proposal-tags-input').fill('database, ')
  for (const [title, pros, cons] of [
    ['Postgres', 'Proven at scale', 'Needs operating'],
    ['Stay on SQLite', 'Simple', 'One writer'],
    ['Spare row', '', ''],
  ] as const) {
    await form.getByTestId('proposal-option-add').click()
    const row = form.getByTestId('proposal-option-row').last()
    await row.getByTestId('proposal-option-title').fill(title)
    await row.getByTestId('proposal-option-pros').fill(pros)
    await row.getByTestId('proposal-option-cons').fill(cons)
  }
  // Rows can be removed again.
  await form.getByTestId('proposal-option-remove').last().click()
  expect(await form.getByTestId('proposal-option-row').count()).toBe(2)
  // Who decides is required.
  await form.getByTestId('proposal-save').click()
  await expect.poll(() => text(faye.page, 'decision-form-error')).toBe('Choose who decides.')
  await choosePerson(faye.page, 'proposal-decider', 'Pat')
  await form.getByTestId('proposal-save').click()

  for (const person of everyone) {
    await expect
      .poll(() => text(person.page, 'proposal-title'))
      .toBe('Move from SQLite to Postgres')
    await expect.poll(() => count(person.page, 'proposal-option')).toBe(2)
    expect(await text(person.page, 'proposal-decider')).toBe('Decides: Pat')
    expect(await text(person.page, 'proposal-context')).toBe('Writes double next quarter.')
    expect(await texts(person.page, 'proposal-driver')).toEqual([
      'Month-end writes finish within the hour',
    ])
    expect(await texts(person.page, 'proposal-tag')).toEqual(['database'])
  }
  expect(await texts(pat.page, 'proposal-option')).toEqual([
    expect.stringContaining('Postgres'),
    expect.stringContaining('Stay on SQLite'),
  ])
  expect(await count(pat.page, 'proposal-edit')).toBe(0)
  await screenshot(pat.page, 'decision-1-proposal')
}

async function discuss({ faye, quinn, everyone }: DecisionRoom) {
  await nextPhase(faye.page, everyone, 'Discussion')
  await expect.poll(() => count(faye.page, 'proposal-edit')).toBe(1)
  expect(await count(quinn.page, 'decision-stances')).toBe(0)
  await screenshot(faye.page, 'decision-2-discussion')
}

async function giveHiddenStances({ faye, pat, quinn, everyone }: DecisionRoom) {
  onTestFailed(() => screenshot(quinn.page, 'FAILED-decision-stances'))
  await nextPhase(faye.page, everyone, 'Hidden stances')
  for (const person of everyone)
    await expect.poll(() => text(person.page, 'stances-given')).toBe('0 of 3 have given a stance.')

  // Quinn: a low score, first without a reason.
  await quinn.page.getByTestId('stance-option-1').check()
  await quinn.page.getByTestId('stance-give').click()
  await expect
    .poll(() => text(quinn.page, 'decision-form-error'))
    .toBe('A low score needs a reason.')
  await quinn.page.getByTestId('stance-reason').fill(dissent)
  await quinn.page.getByTestId('stance-give').click()
  await expect.poll(() => text(quinn.page, 'stance-mine')).toContain('1 — Strong concerns')
  expect(await text(quinn.page, 'stance-mine')).toContain(dissent)
  await expect.poll(() => text(quinn.page, 'stance-give')).toBe('Change my stance')

  // Pat and Faye see that Quinn has given one — never which, nor the reason.
  await expect
    .poll(() => text(pat.page, 'stances-given'))
    .toBe('1 of 3 have given a stance: Quinn.')
  await pat.page.getByTestId('stance-option-4').check()
  await pat.page.getByTestId('stance-give').click()
  await expect.poll(() => text(pat.page, 'stance-mine')).toContain('4 — Support')
  await faye.page.getByTestId('stance-option-5').check()
  await faye.page.getByTestId('stance-give').click()
  await expect.poll(() => text(faye.page, 'stance-mine')).toContain('5 — Full support')

  for (const person of everyone)
    await expect.poll(() => text(person.page, 'stances-given')).toContain('3 of 3')
  for (const other of [pat, faye]) {
    expect(await bodyText(other.page)).not.toContain('run Postgres at night')
    expect(await other.page.content()).not.toContain('run Postgres at night')
    expect(await text(other.page, 'stance-mine')).not.toContain('Strong concerns')
    expect(await count(other.page, 'stances-revealed')).toBe(0)
  }
  // Only the facilitator can reveal.
  expect(await count(faye.page, 'stances-reveal')).toBe(1)
  expect(await count(pat.page, 'stances-reveal')).toBe(0)
  await screenshot(quinn.page, 'decision-3-stances')
}

async function reveal({ faye, pat, everyone }: DecisionRoom) {
  onTestFailed(() => screenshot(pat.page, 'FAILED-decision-reveal'))
  await nextPhase(faye.page, everyone, 'Reveal and discuss dissent')
  expect(await bodyText(pat.page)).not.toContain('run Postgres at night')
  await faye.page.getByTestId('stances-reveal').click()
  for (const person of everyone) {
    await expect.poll(() => text(person.page, 'stances-average')).toBe('3.3')
    expect(await text(person.page, 'stances-summary')).toContain('3 stances')
    expect(await text(person.page, 'stances-blocks')).toBe('0 blocks')
    expect(
      await person.page.getByTestId('stance-bar-1').getByTestId('stance-bar-count').innerText(),
    ).toBe('1')
    expect(
      await person.page.getByTestId('stance-bar-3').getByTestId('stance-bar-count').innerText(),
    ).toBe('0')
    expect(await texts(person.page, 'dissent')).toEqual([
      expect.stringMatching(/Quinn · 1 — Strong concerns[\s\S]*run Postgres at night/),
    ])
    expect(await count(person.page, 'stance-form')).toBe(0)
  }
  // The proposal is locked now.
  await expect.poll(() => count(faye.page, 'proposal-locked')).toBe(1)
  expect(await count(faye.page, 'proposal-edit')).toBe(0)
  await screenshot(pat.page, 'decision-4-reveal')
}

async function decide({ faye, pat, quinn, everyone }: DecisionRoom) {
  onTestFailed(() => screenshot(pat.page, 'FAILED-decision-decide'))
  await nextPhase(faye.page, everyone, 'Decide')
  await expect.poll(() => count(pat.page, 'decision-form')).toBe(1)
  for (const other of [faye, quinn]) {
    expect(await count(other.page, 'decision-form')).toBe(0)
    await expect.poll(() => text(other.page, 'decision-waiting')).toBe('Waiting for Pat to decide.')
  }
  const form = pat.page.getByTestId('decision-form')
  await form.getByTestId('decision-outcome-accepted').check()
  await form.getByTestId('decision-option-input').selectOption('Postgres')
  await form.getByTestId('decision-text-input').fill('We move to Postgres after the launch.')
  await form.getByTestId('decision-record').click()
  await expect.poll(() => text(pat.page, 'decision-form-error')).toBe('Give the rationale.')
  await form
    .getByTestId('decision-rationale-input')
    .fill('Write load doubles; we hire a DBA first, as Quinn asked.')
  await form.getByTestId('decision-consequences-input').fill('We hire a DBA before the move.')
  await form.getByTestId('decision-record').click()
  for (const person of everyone) {
    await expect
      .poll(() => text(person.page, 'decision-text'))
      .toBe('We move to Postgres after the launch.')
    expect(await text(person.page, 'decision-outcome')).toBe('Accepted')
    expect(await text(person.page, 'decision-option')).toBe('Postgres')
    expect(await text(person.page, 'decision-rationale')).toContain('we hire a DBA first')
    expect(await text(person.page, 'decision-consequences')).toContain(
      'We hire a DBA before the move.',
    )
  }
  await expect.poll(() => count(pat.page, 'decision-form')).toBe(0)
  expect(await count(pat.page, 'decision-change')).toBe(1)
  await screenshot(quinn.page, 'decision-5-decide')
}

async function commit({ faye, pat, quinn, everyone }: DecisionRoom) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-commit'))
  await nextPhase(faye.page, everyone, 'Commit')
  for (const person of everyone) {
    await expect.poll(() => text(person.page, 'commitments-count')).toBe('0 of 3 committed')
    expect(await count(person.page, 'decision-commit')).toBe(1)
  }
  // The dissenter commits first.
  await quinn.page.getByTestId('decision-commit').click()
  await expect.poll(() => count(quinn.page, 'decision-committed-self')).toBe(1)
  expect(await count(quinn.page, 'decision-commit')).toBe(0)
  await expect.poll(() => texts(faye.page, 'commitment')).toEqual(['✓ Quinn'])
  expect((await texts(faye.page, 'not-committed-person')).sort()).toEqual(['Faye', 'Pat'])
  await screenshot(faye.page, 'decision-6-commit-partial')

  await pat.page.getByTestId('decision-commit').click()
  await faye.page.getByTestId('decision-commit').click()
  for (const person of everyone) {
    await expect.poll(() => text(person.page, 'commitments-count')).toBe('3 of 3 committed')
    expect((await texts(person.page, 'commitment')).sort()).toEqual(['✓ Faye', '✓ Pat', '✓ Quinn'])
    expect(await count(person.page, 'not-committed')).toBe(0)
  }
  await screenshot(pat.page, 'decision-7-committed')
}

async function close({ roomId, faye, pat, everyone }: DecisionRoom) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-decision-close'))
  await nextPhase(faye.page, everyone, 'Close')
  expect(await count(pat.page, 'workshop-close')).toBe(0)
  await faye.page.getByTestId('workshop-close').click()
  for (const person of everyone)
    await expect.poll(() => count(person.page, 'workshop-closed')).toBe(1)

  const result = await storedResult(roomId)
  expect(result).toMatchObject({
    template: 'disagree-and-commit',
    title: 'Move from SQLite to Postgres',
    scale: 'fist-of-five',
    anonymous: false,
    proposal: {
      title: 'Move from SQLite to Postgres',
      context: 'Writes double next quarter.',
      options: [
        { title: 'Postgres', pros: 'Proven at scale', cons: 'Needs operating' },
        { title: 'Stay on SQLite', pros: 'Simple', cons: 'One writer' },
      ],
      drivers: ['Month-end writes finish within the hour'],
      informed: [],
      tags: ['database'],
      deciderName: 'Pat',
    },
    summary: { count: 3, average: 3.3, blocks: 0, dissenting: 1 },
    dissent: [{ value: 1, reason: dissent, name: 'Quinn' }],
    decision: {
      outcome: 'accepted',
      option: 'Postgres',
      text: 'We move to Postgres after the launch.',
      consequences: 'We hire a DBA before the move.',
      deciderName: 'Pat',
    },
    notCommitted: [],
  })
  const stances = result.stances as { name: string; value: number }[]
  expect(stances.map((s) => [s.name, s.value]).sort()).toEqual([
    ['Faye', 5],
    ['Pat', 4],
    ['Quinn', 1],
  ])
  const commitments = result.commitments as { name: string }[]
  expect(commitments.map((c) => c.name)).toEqual(['Quinn', 'Pat', 'Faye'])
  await screenshot(faye.page, 'decision-8-closed')
}

// The disagree-and-commit's steps fast-forwarded (see `story`): the commands their forms and
// buttons send, sent as the people who use them there.

/** The phases' places in the disagree-and-commit, as `phase.set` takes them. */
const decisionPhase = { discussion: 1, stances: 2, reveal: 3, decide: 4, commit: 5 } as const

async function proposalRecorded({ members: { faye, pat } }: DecisionRoom) {
  await faye.send({
    type: 'proposal.set',
    title: 'Move from SQLite to Postgres',
    context: 'Writes double next quarter.',
    drivers: ['Month-end writes finish within the hour'],
    options: [
      { title: 'Postgres', pros: 'Proven at scale', cons: 'Needs operating' },
      { title: 'Stay on SQLite', pros: 'Simple', cons: 'One writer' },
    ],
    deciderId: pat.id,
    informed: [],
    tags: ['database'],
  })
}

async function discussed({ members: { faye } }: DecisionRoom) {
  await toPhase(faye, decisionPhase.discussion)
}

async function stancesGiven({ members: { faye, pat, quinn } }: DecisionRoom) {
  await toPhase(faye, decisionPhase.stances)
  await quinn.send({ type: 'stance.give', stance: 1, reason: dissent })
  await pat.send({ type: 'stance.give', stance: 4, reason: '' })
  await faye.send({ type: 'stance.give', stance: 5, reason: '' })
}

async function revealed({ members: { faye } }: DecisionRoom) {
  await toPhase(faye, decisionPhase.reveal)
  await faye.send({ type: 'stances.reveal' })
}

async function decided({ members: { faye, pat } }: DecisionRoom) {
  await toPhase(faye, decisionPhase.decide)
  await pat.send({
    type: 'decision.record',
    outcome: 'accepted',
    option: 'Postgres',
    decision: 'We move to Postgres after the launch.',
    rationale: 'Write load doubles; we hire a DBA first, as Quinn asked.',
    consequences: 'We hire a DBA before the move.',
    acknowledgment: '',
  })
}

async function committed({ members: { faye, pat, quinn } }: DecisionRoom) {
  await toPhase(faye, decisionPhase.commit)
  // In the UI's order: the dissenter first (the stored commitments keep it).
  for (const person of [quinn, pat, faye]) await person.send({ type: 'commit' })
}

/** A new pre-mortem (ranked by scores), open for its facilitator Faye and participant Pat. */
async function preMortemRoom(): Promise<Room> {
  const roomId = await e2e.room('Launch pre-mortem', {
    template: 'pre-mortem',
    options: { ranking: 'scores' },
  })
  const [faye, pat] = await Promise.all([
    e2e.join(roomId, 'Faye', 'facilitator'),
    e2e.join(roomId, 'Pat'),
  ])
  const members = await membersOf(e2e.server, roomId, { faye, pat })
  return { roomId, faye, pat, everyone: [faye, pat], members }
}

async function writePrivately(page: Page, note: string) {
  const before = await count(page, 'private-note')
  await page.getByTestId('private-note-input').fill(note)
  await page.getByTestId('private-note-add').click()
  await expect.poll(() => count(page, 'private-note')).toBe(before + 1)
}

async function brief({ faye, pat, everyone }: Room) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-premortem-brief'))
  await faye.page.getByTestId('premortem-plan-input').fill('Launch the new billing in May.')
  await choosePerson(faye.page, 'premortem-owner-input', 'Pat')
  await faye.page.getByTestId('premortem-brief-save').click()
  for (const person of everyone) {
    await expect
      .poll(() => text(person.page, 'premortem-plan'))
      .toBe('Launch the new billing in May.')
    expect(await text(person.page, 'premortem-owner')).toBe('Plan owner: Pat')
  }
  await screenshot(pat.page, 'premortem-1-brief')
}

async function shareRoundRobin({ faye, pat, everyone }: Room) {
  onTestFailed(() => screenshot(pat.page, 'FAILED-premortem-share'))
  await nextPhase(faye.page, everyone, 'It failed')
  // Faye starts writing first; Pat still goes first, as the plan owner.
  await writePrivately(faye.page, 'Finance never signed off')
  await writePrivately(pat.page, 'The migration lost invoices')
  await writePrivately(pat.page, 'Support was not trained')
  expect(await bodyText(faye.page)).not.toContain('lost invoices')

  await nextPhase(faye.page, everyone, 'Round-robin')
  await expect
    .poll(() => text(pat.page, 'premortem-turn-status'))
    .toBe('The round has not started yet.')
  expect(await count(pat.page, 'premortem-turns-start')).toBe(0)
  await faye.page.getByTestId('premortem-turns-start').click()
  for (const person of everyone)
    await expect
      .poll(() => texts(person.page, 'premortem-order-person'))
      .toEqual([expect.stringContaining('Pat'), expect.not.stringContaining('sharing now')])
  expect(await texts(faye.page, 'premortem-order-person')).toEqual([
    'Pat — sharing now',
    'Faye (you)',
  ])
  await expect.poll(() => text(faye.page, 'premortem-turn-status')).toBe('Pat’s turn.')
  expect(await count(faye.page, 'premortem-share')).toBe(0)
  await expect
    .poll(() => text(pat.page, 'premortem-turn-status'))
    .toBe('Your turn: share one reason.')
  await expect.poll(() => count(pat.page, 'premortem-my-note')).toBe(2)
  await screenshot(pat.page, 'premortem-2-pat-turn')

  // Pat shares one; the turn passes to Faye.
  await pat.page
    .getByTestId('premortem-my-note')
    .filter({ hasText: 'lost invoices' })
    .getByTestId('premortem-share')
    .click()
  await expect.poll(() => text(pat.page, 'premortem-turn-status')).toBe('Faye’s turn.')
  await expect.poll(() => shapesWithText(faye.page, 'lost invoices')).toBe(1)
  expect(await shapesWithText(faye.page, 'not trained')).toBe(0)
  expect(await count(pat.page, 'premortem-share')).toBe(0)
  await expect.poll(() => text(faye.page, 'premortem-shared')).toBe('1 reason shared so far.')

  await expect.poll(() => count(faye.page, 'premortem-my-note')).toBe(1)
  await faye.page.getByTestId('premortem-share').click()
  // Faye has nothing left: Pat again.
  await expect
    .poll(() => text(pat.page, 'premortem-turn-status'))
    .toBe('Your turn: share one reason.')
  await expect.poll(() => count(pat.page, 'premortem-my-note')).toBe(1)
  await pat.page.getByTestId('premortem-share').click()

  for (const person of everyone) {
    await expect
      .poll(() => text(person.page, 'premortem-turn-status'))
      .toBe('Every reason is shared.')
    expect(await text(person.page, 'premortem-shared')).toBe('3 reasons shared — done.')
    for (const reason of ['lost invoices', 'not trained', 'never signed off'])
      await expect.poll(() => shapesWithText(person.page, reason)).toBe(1)
  }
  await screenshot(faye.page, 'premortem-3-shared')
}

async function cluster({ faye, pat, everyone }: Room) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-premortem-cluster'))
  await nextPhase(faye.page, everyone, 'Cluster')
  for (const person of everyone)
    await expect
      .poll(() => text(person.page, 'premortem-unclustered'))
      .toContain('3 reasons are not in a risk yet')
  await groupNotes(faye.page, ['lost invoices', 'not trained'], 'Botched migration')
  await expect
    .poll(() => text(pat.page, 'premortem-unclustered'))
    .toContain('1 reason is not in a risk yet')
  await groupNotes(faye.page, ['never signed off'], 'No finance sign-off')
  for (const person of everyone) {
    await expect.poll(() => count(person.page, 'premortem-unclustered')).toBe(0)
    await expect
      .poll(() => texts(person.page, 'premortem-risk-name'))
      .toEqual(['Botched migration', 'No finance sign-off'])
  }
  await screenshot(pat.page, 'premortem-4-clustered')
}

async function rank({ faye, pat, everyone }: Room) {
  onTestFailed(() => screenshot(pat.page, 'FAILED-premortem-rank'))
  await nextPhase(faye.page, everyone, 'Rank the risks')
  const score = async (page: Page, risk: string, likelihood: number, impact: number) => {
    await page.getByLabel(`Likelihood of ${risk}`).selectOption(String(likelihood))
    await page.getByLabel(`Impact of ${risk}`).selectOption(String(impact))
  }
  await score(pat.page, 'Botched migration', 4, 5)
  await score(pat.page, 'No finance sign-off', 2, 3)
  await pat.page.getByTestId('premortem-scores-save').click()
  await expect.poll(() => count(pat.page, 'premortem-scores-saved')).toBe(1)
  await expect.poll(() => text(faye.page, 'premortem-scorers')).toBe('1 of 2 have scored: Pat.')
  // Faye leaves one risk half-scored first.
  await score(faye.page, 'Botched migration', 2, 5)
  await faye.page.getByLabel('Likelihood of No finance sign-off').selectOption('4')
  await faye.page.getByTestId('premortem-scores-save').click()
  await expect
    .poll(() => text(faye.page, 'premortem-form-error'))
    .toBe('Give “No finance sign-off” both a likelihood and an impact.')
  await faye.page.getByLabel('Impact of No finance sign-off').selectOption('4')
  await faye.page.getByTestId('premortem-scores-save').click()
  await expect
    .poll(() => text(pat.page, 'premortem-scorers'))
    .toBe('2 of 2 have scored: Pat, Faye.')
  // Scores are hidden until closed: the register has none yet.
  expect(await texts(pat.page, 'premortem-risk-score')).toEqual(['–', '–'])
  expect(await count(pat.page, 'premortem-scores-close')).toBe(0)
  await screenshot(pat.page, 'premortem-5-scoring')

  await faye.page.getByTestId('premortem-scores-close').click()
  for (const person of everyone) {
    await expect
      .poll(() => texts(person.page, 'premortem-risk-score'))
      .toEqual(['3 × 5 = 15', '3 × 3.5 = 10.5'])
    expect(await texts(person.page, 'premortem-risk-name')).toEqual([
      'Botched migration',
      'No finance sign-off',
    ])
    expect(await texts(person.page, 'premortem-risk-rank')).toEqual(['1', '2'])
    expect(await count(person.page, 'premortem-score-form')).toBe(0)
  }
  await screenshot(faye.page, 'premortem-6-ranked')
}

async function mitigate({ faye, pat, everyone }: Room) {
  onTestFailed(() => screenshot(faye.page, 'FAILED-premortem-mitigate'))
  await nextPhase(faye.page, everyone, 'Mitigations')
  expect(await count(pat.page, 'premortem-mitigate')).toBe(0)
  await faye.page.getByTestId('premortem-mitigate').first().click()
  const form = faye.page.getByTestId('premortem-mitigation-form')
  await form.getByTestId('premortem-mitigation-input').fill('Rehearse the migration on a copy')
  await choosePerson(faye.page, 'premortem-mitigation-owner', 'Pat')
  await form.getByTestId('premortem-mitigation-save').click()
  for (const person of everyone)
    await expect
      .poll(() => text(person.page, 'premortem-mitigation'))
      .toBe('Rehearse the migration on a copy — Pat')
  // Choosing a risk shows it on the board.
  await pat.page.getByTestId('premortem-risk-name').first().click()
  await expect
    .poll(() =>
      pat.page.evaluate(() =>
        (
          window.accord?.editor as unknown as { getSelectedShapeIds(): string[] }
        ).getSelectedShapeIds(),
      ),
    )
    .toHaveLength(1)
  await screenshot(pat.page, 'premortem-7-mitigated')
}

async function closeTheRegister({ roomId, faye, pat, everyone }: Room) {
  await nextPhase(faye.page, everyone, 'Close')
  await faye.page.getByTestId('workshop-close').click()
  await expect.poll(() => count(pat.page, 'workshop-closed')).toBe(1)
  const result = await storedResult(roomId)
  expect(result).toMatchObject({
    template: 'pre-mortem',
    plan: { statement: 'Launch the new billing in May.', ownerName: 'Pat' },
    ranking: 'scores',
    risks: [
      {
        name: 'Botched migration',
        rank: 1,
        likelihood: 3,
        impact: 5,
        score: 15,
        mitigation: { text: 'Rehearse the migration on a copy', ownerName: 'Pat' },
      },
      { name: 'No finance sign-off', rank: 2, score: 10.5, mitigation: null },
    ],
    unclustered: [],
  })
  const risks = result.risks as { reasons: string[] }[]
  expect(risks[0]?.reasons.sort()).toEqual([
    'Support was not trained',
    'The migration lost invoices',
  ])
  await screenshot(faye.page, 'premortem-8-closed')
}

// The pre-mortem's steps fast-forwarded, as the disagree-and-commit's above.

/** The phases' places in the pre-mortem, as `phase.set` takes them. */
const preMortemPhase = { failure: 1, share: 2, cluster: 3, rank: 4, mitigate: 5 } as const

async function briefed({ members: { faye, pat } }: Room) {
  await faye.send({
    type: 'brief.set',
    statement: 'Launch the new billing in May.',
    ownerId: pat.id,
  })
}

async function sharedInTurns({ members: { faye, pat } }: Room) {
  await toPhase(faye, preMortemPhase.failure)
  // Written for the region that collects the reasons, as the private notes panel chooses.
  const finance = await addPrivateNote(faye, 'Finance never signed off', 'reasons')
  const invoices = await addPrivateNote(pat, 'The migration lost invoices', 'reasons')
  const training = await addPrivateNote(pat, 'Support was not trained', 'reasons')
  await toPhase(faye, preMortemPhase.share)
  await faye.send({ type: 'turns.start', firstMemberId: pat.id })
  for (const [member, noteId] of [
    [pat, invoices],
    [faye, finance],
    [pat, training],
  ] as const)
    await member.send({ type: 'notes.reveal', scope: 'turn', noteId })
}

async function clustered({ roomId, faye, members }: Room) {
  await toPhase(members.faye, preMortemPhase.cluster)
  // Grouping is the app's own board edit, in Faye's page: it shows the phase and the reasons
  // first, and the server has her groups after.
  await caughtUp(e2e.server, roomId, [faye])
  await groupNotes(faye.page, ['lost invoices', 'not trained'], 'Botched migration')
  await groupNotes(faye.page, ['never signed off'], 'No finance sign-off')
  await caughtUp(e2e.server, roomId, [faye])
}

/** The risks' ids: the frames Faye named, as the server has them. */
async function risks({ roomId }: Room) {
  const shapes = await serverShapes(e2e.server, roomId)
  return {
    botched: frameId(shapes, 'Botched migration'),
    finance: frameId(shapes, 'No finance sign-off'),
  }
}

async function rankedByScores(room: Room) {
  const { faye, pat } = room.members
  const { botched, finance } = await risks(room)
  await toPhase(faye, preMortemPhase.rank)
  const score = (member: Member, sheet: readonly [string, number, number][]) =>
    member.send({
      type: 'risk.score',
      scores: sheet.map(([riskId, likelihood, impact]) => ({ riskId, likelihood, impact })),
    })
  await score(pat, [
    [botched, 4, 5],
    [finance, 2, 3],
  ])
  await score(faye, [
    [botched, 2, 5],
    [finance, 4, 4],
  ])
  await faye.send({ type: 'scores.close' })
}

async function mitigated(room: Room) {
  const { faye, pat } = room.members
  const { botched } = await risks(room)
  await toPhase(faye, preMortemPhase.mitigate)
  await faye.send({
    type: 'risk.mitigate',
    riskId: botched,
    mitigation: 'Rehearse the migration on a copy',
    ownerId: pat.id,
  })
}

const decision = story(
  decisionRoom,
  [
    { step: recordTheProposal, fastForward: proposalRecorded },
    { step: discuss, fastForward: discussed },
    { step: giveHiddenStances, fastForward: stancesGiven },
    { step: reveal, fastForward: revealed },
    { step: decide, fastForward: decided },
    { step: commit, fastForward: committed },
    close,
  ],
  everyoneCaughtUp,
)

describe('disagree and commit, run through the UI (real Chromium, built app)', () => {
  it('the facilitator records the proposal; everyone sees it and who decides', async () => {
    await decision(recordTheProposal)
  })

  it('discussion: the proposal stays editable by the facilitator', async () => {
    await decision(discuss)
  })

  it('hidden stances: each gives their own; a low score needs a reason; nobody sees another’s', async () => {
    await decision(giveHiddenStances)
  })

  it('reveal: the distribution, the average and the dissent in the dissenter’s own words', async () => {
    await decision(reveal)
  })

  it('decide: only the decider records the outcome and rationale; everyone sees it', async () => {
    await decision(decide)
  })

  it('commit: everyone commits explicitly and the room shows who has and who has not', async () => {
    await decision(commit)
  })

  it('close: the facilitator closes the workshop and the decision record is stored', async () => {
    await decision(close)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})

const preMortem = story(
  preMortemRoom,
  [
    { step: brief, fastForward: briefed },
    { step: shareRoundRobin, fastForward: sharedInTurns },
    { step: cluster, fastForward: clustered },
    { step: rank, fastForward: rankedByScores },
    { step: mitigate, fastForward: mitigated },
    closeTheRegister,
  ],
  everyoneCaughtUp,
)

describe('pre-mortem, run through the UI (real Chromium, built app)', () => {
  it('brief: the facilitator records the plan and its owner', async () => {
    await preMortem(brief)
  })

  it('round-robin: the plan owner first, one reason per turn, until all are shared', async () => {
    await preMortem(shareRoundRobin)
  })

  it('cluster: unclustered reasons nudge until every reason is in a named risk', async () => {
    await preMortem(cluster)
  })

  it('rank: likelihood × impact, scored in secret, revealed when the facilitator closes it', async () => {
    await preMortem(rank)
  })

  it('mitigations: the facilitator gives the top risk a mitigation and one owner', async () => {
    await preMortem(mitigate)
  })

  it('close: the ranked risk register is stored', async () => {
    await preMortem(closeTheRegister)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
