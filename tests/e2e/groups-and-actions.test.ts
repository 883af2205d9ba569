import { describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  focusCanvas,
  type Participant,
  screenshot,
  shapeTypes,
  waitForShapeCount,
} from '../support/browser.js'
import { useE2e, type Workshop } from '../support/e2e.js'

const e2e = useE2e()

/** A new board of Faye's, joined by Pat. */
async function drill() {
  const workshop = await e2e.workshop('Groups drill', ['Pat'])
  return { workshop, faye: workshop.faye, pat: workshop.people.Pat! }
}

const api = async (workshop: Workshop, path: string) =>
  (
    await fetch(`${e2e.server.url}/api/rooms/${workshop.roomId}/${path}`, {
      headers: { authorization: `Bearer ${workshop.links.viewer.split('#t=')[1]}` },
    })
  ).json()

/** Pat writes two notes and groups them on the canvas; Faye sees the group. */
async function groupTwoNotes(faye: Participant, pat: Participant) {
  await addStickyNote(pat.page, 'Flaky tests', { x: 350, y: 320 })
  await addStickyNote(pat.page, 'Slow builds', { x: 600, y: 320 })
  await focusCanvas(pat.page)
  await pat.page.keyboard.press('Control+a')
  await pat.page.getByTestId('group-notes').click()
  await waitForShapeCount(faye.page, 3)
}

describe('groups and action items (real Chromium, built app)', () => {
  it('notes grouped on the canvas are a named group in the data', async () => {
    const { workshop, faye, pat } = await drill()
    onTestFailed(() => screenshot(pat.page, 'FAILED-groups-pat'))
    await groupTwoNotes(faye, pat)
    expect(await shapeTypes(faye.page)).toEqual(['frame', 'note', 'note'])
    const groups = (await api(workshop, 'groups')) as { name: string; noteIds: string[] }[]
    expect(groups).toHaveLength(1)
    expect(groups[0]?.name).toBe('New group')
    expect(groups[0]?.noteIds).toHaveLength(2)
    await screenshot(faye.page, 'groups-1-grouped')
  })

  it('a note becomes an action item with one owner and a due date, listed for everyone', async () => {
    const { workshop, faye, pat } = await drill()
    onTestFailed(() => screenshot(pat.page, 'FAILED-actions-pat'))
    await groupTwoNotes(faye, pat)
    await focusCanvas(pat.page)
    await pat.page.getByText('Flaky tests').click()
    await pat.page.getByTestId('make-action').click()
    await pat.page.getByTestId('action-owner').selectOption({ label: 'Faye' })
    await pat.page.getByTestId('action-due').fill('2026-12-04')
    await pat.page.getByTestId('action-save').click()
    await expect.poll(() => faye.page.getByTestId('action-badge').textContent()).toContain('Faye')
    const items = (await api(workshop, 'action-items')) as {
      text: string
      ownerName: string
      due: string
    }[]
    expect(items).toEqual([
      expect.objectContaining({ text: 'Flaky tests', ownerName: 'Faye', due: '2026-12-04' }),
    ])
    await faye.page.getByTestId('actions-toggle').click()
    expect(await faye.page.getByTestId('action-item').textContent()).toContain('Flaky tests')
    await screenshot(faye.page, 'groups-2-action-items')

    // [fac:AI5] Stored at once: the action in its own words, owned by someone outside the room.
    await pat.page.getByTestId('make-action').click()
    const dialog = pat.page.getByTestId('action-dialog')
    expect(await dialog.getByTestId('action-text').inputValue()).toBe('Flaky tests')
    await dialog.getByTestId('action-text').fill('Quarantine the flaky tests')
    await dialog.getByTestId('action-owner').selectOption({ label: 'Someone outside this room…' })
    await dialog.getByTestId('action-external-owner').fill('Zed Contractor')
    await dialog.getByTestId('action-save').click()
    await expect
      .poll(() => faye.page.getByTestId('action-badge').textContent())
      .toContain('Zed Contractor')
    const stored = await fetch(`${e2e.server.url}/api/action-items?room=${workshop.roomId}`)
    expect(await stored.json()).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^AI-\d+$/),
        text: 'Quarantine the flaky tests',
        ownerName: 'Zed Contractor',
        due: '2026-12-04',
        status: 'open',
      }),
    ])
    await screenshot(pat.page, 'groups-3-action-stored')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
