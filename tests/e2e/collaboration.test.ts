import { describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  createBoardInUi,
  joinWithLink,
  connectionState,
  focusCanvas,
  type Participant,
  screenshot,
  shapeCount,
  shapesWithText,
  shapeTypes,
  waitForBoard,
  waitForShapeCount,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

/** Alice creates a board from the home page; Bob has a browser of his own. */
async function aliceAndBob() {
  const alice = await e2e.person()
  const bob = await e2e.person()
  const links = await createBoardInUi(alice.page, e2e.server, 'Sprint 42 retro', 'Alice')
  return { alice, bob, links }
}

/** Alice's board, which Bob has joined through its participant link. */
async function bothOnABoard() {
  const people = await aliceAndBob()
  await joinWithLink(people.bob.page, people.links.participant, 'Bob')
  return people
}

/** Alice's note, as Bob sees it. */
async function alicesNote(alice: Participant, bob: Participant) {
  await addStickyNote(alice.page, 'Ship smaller PRs', { x: 420, y: 300 })
  await waitForShapeCount(bob.page, 1)
}

/** Bob's note, as Alice sees it (beside hers). */
async function bobsIdea(alice: Participant, bob: Participant) {
  await addStickyNote(bob.page, 'Bob’s idea', { x: 300, y: 600 })
  await waitForShapeCount(alice.page, 2)
}

/** On failure, keep what each person saw. */
function screenshotOnFailure(name: string, alice: Participant, bob: Participant) {
  onTestFailed(async () => {
    await screenshot(alice.page, `FAILED-${name}-alice`)
    await screenshot(bob.page, `FAILED-${name}-bob`)
  })
}

describe('two people on one board (real Chromium, built app)', () => {
  it('creates a board from the home page, as its facilitator, with three share links', async () => {
    const alice = await e2e.person()
    const links = await createBoardInUi(alice.page, e2e.server, 'Sprint 42 retro', 'Alice')
    await expect.poll(() => connectionState(alice.page)).toBe('online')
    expect(await alice.page.getByTestId('board-title').textContent()).toBe('Sprint 42 retro')
    expect(await alice.page.getByTestId('role').textContent()).toBe('Facilitator')
    const roomPath = new URL(alice.page.url()).pathname
    for (const link of Object.values(links)) expect(link).toContain(`${roomPath}#t=`)
    expect(new Set(Object.values(links)).size).toBe(3)
    // The token is kept by the browser, not left in the address bar.
    expect(alice.page.url()).not.toContain('#t=')
    await screenshot(alice.page, 'collaboration-1-new-board')
  })

  it('the participant link lets a second person join under their name', async () => {
    const { bob, links } = await aliceAndBob()
    await bob.page.goto(links.participant)
    expect(await bob.page.getByTestId('join-title').textContent()).toBe('Sprint 42 retro')
    await screenshot(bob.page, 'collaboration-1b-join')
    await joinWithLink(bob.page, links.participant, 'Bob')
    await expect.poll(() => connectionState(bob.page)).toBe('online')
    expect(await bob.page.getByTestId('role').textContent()).toBe('Participant')
    expect(await bob.page.getByTestId('board-title').textContent()).toBe('Sprint 42 retro')
  })

  it('a sticky note created by one appears for the other, with its text', async () => {
    const { alice, bob } = await bothOnABoard()
    await alicesNote(alice, bob)
    await expect.poll(() => shapesWithText(bob.page, 'Ship smaller PRs')).toBeGreaterThan(0)
    expect(await shapeTypes(bob.page)).toEqual(['note'])
  })

  it('each sees the other’s cursor and name', async () => {
    const { alice, bob } = await bothOnABoard()
    await bob.page.mouse.move(800, 500)
    await bob.page.mouse.move(820, 520, { steps: 4 })
    await expect
      .poll(() =>
        alice.page.evaluate(() => window.accord?.editor.getCollaborators().map((c) => c.userName)),
      )
      .toEqual(['Bob'])
    // tldraw draws a collaborator's cursor with a name tag.
    await expect
      .poll(() => alice.page.locator('.tl-nametag', { hasText: 'Bob' }).count())
      .toBeGreaterThan(0)
    await screenshot(alice.page, 'collaboration-2-note-and-cursor')
  })

  it('a drawing, a move and a delete travel too', async () => {
    const { alice, bob } = await bothOnABoard()
    screenshotOnFailure('draw-move-delete', alice, bob)
    await alicesNote(alice, bob)
    // Bob draws a stroke.
    await focusCanvas(bob.page)
    await bob.page.keyboard.press('d')
    await bob.page.mouse.move(700, 250)
    await bob.page.mouse.down()
    await bob.page.mouse.move(760, 300, { steps: 8 })
    await bob.page.mouse.move(820, 260, { steps: 8 })
    await bob.page.mouse.up()
    await bob.page.keyboard.press('Escape')
    await waitForShapeCount(alice.page, 2)
    expect(await shapeTypes(alice.page)).toEqual(['draw', 'note'])

    // Alice drags her note 200px to the right; Bob sees it move.
    const noteX = () =>
      bob.page.evaluate(
        () => window.accord?.editor.getCurrentPageShapes().find((s) => s.type === 'note')?.x,
      )
    const before = await noteX()
    await alice.page.keyboard.press('v')
    await alice.page.mouse.move(450, 330)
    await alice.page.mouse.down()
    await alice.page.mouse.move(650, 330, { steps: 10 })
    await alice.page.mouse.up()
    await expect.poll(noteX).toBeGreaterThan((before ?? 0) + 150)

    // Bob selects the drawing with a marquee (a thin stroke is easy to miss) and deletes it.
    await bob.page.keyboard.press('v')
    await bob.page.mouse.move(740, 220)
    await bob.page.mouse.down()
    await bob.page.mouse.move(850, 330, { steps: 6 })
    await bob.page.mouse.up()
    await bob.page.keyboard.press('Delete')
    await waitForShapeCount(alice.page, 1)
    expect(await shapeTypes(alice.page)).toEqual(['note'])
  })

  it('undo only undoes one’s own changes', async () => {
    const { alice, bob } = await bothOnABoard()
    screenshotOnFailure('undo', alice, bob)
    await alicesNote(alice, bob)
    await bobsIdea(alice, bob)
    // Alice undoes everything she ever did (more presses than she made changes): her note goes,
    // Bob's stays, because her history holds only her own changes.
    await focusCanvas(alice.page)
    for (let i = 0; i < 12; i++) await alice.page.keyboard.press('Control+z')
    await expect.poll(() => shapesWithText(bob.page, 'Ship smaller PRs')).toBe(0)
    expect(await shapeTypes(alice.page)).toEqual(['note'])
    await expect.poll(() => shapesWithText(alice.page, 'Bob’s idea')).toBeGreaterThan(0)
    await expect.poll(() => shapesWithText(bob.page, 'Bob’s idea')).toBeGreaterThan(0)
    // Redo brings Alice's note back for both.
    for (let i = 0; i < 12; i++) await alice.page.keyboard.press('Control+Shift+z')
    await expect.poll(() => shapesWithText(bob.page, 'Ship smaller PRs')).toBeGreaterThan(0)
    await waitForShapeCount(bob.page, 2)
  })

  it('a reload keeps the board', async () => {
    const { alice, bob } = await bothOnABoard()
    await alicesNote(alice, bob)
    await bobsIdea(alice, bob)
    const before = await shapeCount(bob.page)
    await bob.page.reload()
    await waitForBoard(bob.page)
    await waitForShapeCount(bob.page, before)
    await expect.poll(() => shapesWithText(bob.page, 'Bob’s idea')).toBeGreaterThan(0)
    await screenshot(bob.page, 'collaboration-3-after-reload')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
