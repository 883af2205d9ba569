import { describe, expect, it } from 'vitest'
import { describeTemplate, templates } from '@accord/templates'
import type { RoomAccess } from '../board/room-access'
import {
  facilitatedBoards,
  galleryOrder,
  planPreview,
  previewOfPrevious,
  searchForTemplate,
  templateFromSearch,
} from './gallery'

// What `GET /api/templates` answers.
const summaries = templates.map(describeTemplate)
const summary = (id: string) => summaries.find((t) => t.id === id)!

describe('gallery', () => {
  it('shows the server’s templates with the blank board first', () => {
    expect(galleryOrder(summaries).map((t) => t.id)).toEqual([
      'blank',
      'retro',
      'pre-mortem',
      'empathy-map',
      'disagree-and-commit',
    ])
    expect(galleryOrder(summaries.filter((t) => t.id !== 'blank'))[0]?.id).toBe('retro')
  })

  it('selects a template from the address, the blank board otherwise', () => {
    expect(templateFromSearch('?template=retro')).toBe('retro')
    expect(templateFromSearch('')).toBe('blank')
    expect(templateFromSearch('?template=%3Cscript%3E')).toBe('blank')
    expect(searchForTemplate('pre-mortem')).toBe('?template=pre-mortem')
    expect(searchForTemplate('blank')).toBe('')
  })

  it('previews the layout and phases for the options chosen', () => {
    const retro = summary('retro')
    const sailboat = planPreview(retro, { format: 'sailboat', dots: 5, writingMinutes: 7 })
    expect(sailboat.regions.map((r) => r.title)).toEqual(['Wind', 'Anchors', 'Rocks', 'Island'])
    expect(sailboat.phases[0]?.name).toBe('Set the stage')
    expect(sailboat.phases.find((p) => p.id === 'write')?.timerMinutes).toBe(7)
    expect(sailboat.phases.find((p) => p.id === 'vote')?.instructions).toContain('5 dots')
    const defaults = planPreview(retro, {})
    expect(defaults.regions.map((r) => r.title)).toEqual(['Start', 'Stop', 'Continue'])
  })

  it('a follow-up retro opens with the review of the last one', () => {
    const previous = previewOfPrevious({
      roomId: 'r1',
      title: 'Sprint 41',
      visitedAt: '2026-11-21T00:00:00.000Z',
      token: 't',
    })
    const plan = planPreview(summary('retro'), {}, previous)
    expect(plan.phases[0]?.name).toBe('Review last actions')
    expect(plan.regions[0]?.title).toBe('Last retro’s actions')
  })

  it('keeps the server’s description for a template this app does not know', () => {
    const unknown = { ...summary('empathy-map'), id: 'future-method' }
    expect(planPreview(unknown, {})).toEqual({ phases: unknown.phases, regions: unknown.regions })
  })

  it('offers to follow up the recent boards this browser facilitates', () => {
    const recent = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      title: `Board ${id}`,
      visitedAt: '2026-11-21T00:00:00.000Z',
    }))
    const access: Record<string, RoomAccess> = {
      a: {
        linkToken: 'l',
        member: { id: 'm1', name: 'Faye', role: 'facilitator', token: 'ta' },
      },
      b: { linkToken: 'l', member: { id: 'm2', name: 'Faye', role: 'participant', token: 'tb' } },
      c: { linkToken: 'l', member: null },
      d: {
        linkToken: null,
        member: { id: 'm3', name: 'Faye', role: 'facilitator', token: 'td' },
      },
    }
    const boards = facilitatedBoards(recent, (id) => access[id]!)
    expect(boards.map((b) => [b.roomId, b.token])).toEqual([
      ['a', 'ta'],
      ['d', 'td'],
    ])
  })
})
