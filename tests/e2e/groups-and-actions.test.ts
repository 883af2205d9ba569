import { beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  focusCanvas,
  type Participant,
  screenshot,
  shapeTypes,
  waitForShapeCount,
} from '../support/browser.js'
import { useWorkshop } from '../support/workshop.js'

const workshop = useWorkshop('Groups drill', ['Pat'])
let faye: Participant
let pat: Participant

beforeAll(() => {
  ;({ faye } = workshop)
  pat = workshop.people.Pat!
})

const api = async (path: string) =>
  (
    await fetch(`${workshop.server.url}/api/rooms/${workshop.roomId}/${path}`, {
      headers: { authorization: `Bearer ${workshop.links.viewer.split('#t=')[1]}` },
    })
  ).json()

describe('groups and action items (real Chromium, built app)', () => {
  it('notes grouped on the canvas are a named group in the data', async () => {
    onTestFailed(() => screenshot(pat.page, 'FAILED-groups-pat'))
    await addStickyNote(pat.page, 'Flaky tests', { x: 350, y: 320 })
    await addStickyNote(pat.page, 'Slow builds', { x: 600, y: 320 })
    await focusCanvas(pat.page)
    await pat.page.keyboard.press('Control+a')
    await pat.page.getByTestId('group-notes').click()
    await waitForShapeCount(faye.page, 3)
    expect(await shapeTypes(faye.page)).toEqual(['frame', 'note', 'note'])
    const groups = (await api('groups')) as { name: string; noteIds: string[] }[]
    expect(groups).toHaveLength(1)
    expect(groups[0]?.name).toBe('New group')
    expect(groups[0]?.noteIds).toHaveLength(2)
    await screenshot(faye.page, 'groups-1-grouped')
  })

  it('a note becomes an action item with one owner and a due date, listed for everyone', async () => {
    onTestFailed(() => screenshot(pat.page, 'FAILED-actions-pat'))
    await focusCanvas(pat.page)
    await pat.page.getByText('Flaky tests').click()
    await pat.page.getByTestId('make-action').click()
    await pat.page.getByTestId('action-owner').selectOption({ label: 'Faye' })
    await pat.page.getByTestId('action-due').fill('2026-12-04')
    await pat.page.getByTestId('action-save').click()
    await expect.poll(() => faye.page.getByTestId('action-badge').textContent()).toContain('Faye')
    const items = (await api('action-items')) as { text: string; ownerName: string; due: string }[]
    expect(items).toEqual([
      expect.objectContaining({ text: 'Flaky tests', ownerName: 'Faye', due: '2026-12-04' }),
    ])
    await faye.page.getByTestId('actions-toggle').click()
    expect(await faye.page.getByTestId('action-item').textContent()).toContain('Flaky tests')
    await screenshot(faye.page, 'groups-2-action-items')
  })

  it('nobody’s page threw an error', () => {
    expect(faye.errors).toEqual([])
    expect(pat.errors).toEqual([])
  })
})
