import { describe, expect, it } from 'vitest'
import { notesByRegion, regionFrames, themes } from './board.js'
import { frame, note, page } from './testing/fixtures.js'

const texts = (notes: readonly { text: string }[] | undefined) => (notes ?? []).map((n) => n.text)

describe('regionFrames', () => {
  it('maps each region key to the frame the template laid out (the first one wins)', () => {
    const records = [
      frame('shape:start', 'Start', { region: 'start' }),
      frame('shape:theme', 'A theme'),
      frame('shape:start2', 'Start again', { region: 'start' }),
      note('shape:n', 'a note with a region meta is not a frame', page, {
        meta: { region: 'stop' },
      }),
      { typeName: 'binding', id: 'binding:x', type: 'arrow', meta: { region: 'x' } },
    ]
    expect([...regionFrames(records)]).toEqual([['start', 'shape:start']])
  })
})

describe('notesByRegion', () => {
  it('[tpl:BR1] groups notes by the region they are in, ignoring notes outside every region', () => {
    const records = [
      frame('shape:start', 'Start', { region: 'start' }),
      frame('shape:stop', 'Stop', { region: 'stop', x: 600 }),
      note('shape:a', 'Pair more', 'shape:start'),
      note('shape:b', 'Long meetings', 'shape:stop'),
      note('shape:loose', 'On the page', page),
      frame('shape:free', 'A free-standing theme'),
      note('shape:c', 'In a theme outside any region', 'shape:free'),
      note('shape:orphan', 'Parent is gone', 'shape:deleted'),
    ]
    const byRegion = notesByRegion(records)
    expect([...byRegion.keys()].sort()).toEqual(['start', 'stop'])
    expect(byRegion.get('start')).toEqual([{ id: 'shape:a', text: 'Pair more' }])
    expect(byRegion.get('stop')).toEqual([{ id: 'shape:b', text: 'Long meetings' }])
  })

  it('[tpl:BR1] a note grouped out of every region still counts for the region it was written for', () => {
    const records = [
      frame('shape:start', 'Start', { region: 'start' }),
      frame('shape:stop', 'Stop', { region: 'stop', x: 600 }),
      frame('shape:theme', 'Meetings', { y: 900 }),
      note('shape:a', 'Standups', 'shape:theme', { meta: { writtenFor: 'start' } }),
      note('shape:b', 'Long reviews', 'shape:theme', { meta: { writtenFor: 'stop' } }),
      // Where a note is wins over where it was written: it was moved on purpose.
      note('shape:c', 'Moved', 'shape:stop', { meta: { writtenFor: 'start' } }),
    ]
    const byRegion = notesByRegion(records)
    expect(texts(byRegion.get('start'))).toEqual(['Standups'])
    expect(texts(byRegion.get('stop'))).toEqual(['Moved', 'Long reviews'])
  })

  it('[tpl:BR1] counts a note nested in a theme inside a region for that region', () => {
    const records = [
      frame('shape:start', 'Start', { region: 'start' }),
      frame('shape:theme', 'Testing', { parentId: 'shape:start', y: 100 }),
      frame('shape:sub', 'Unit tests', { parentId: 'shape:theme', y: 100 }),
      note('shape:a', 'More tests', 'shape:theme'),
      note('shape:b', 'Faster tests', 'shape:sub'),
    ]
    expect(texts(notesByRegion(records).get('start'))).toEqual(['More tests', 'Faster tests'])
  })

  it('[tpl:BR1] lists a region’s notes in reading order: rows top to bottom, then left to right', () => {
    const records = [
      frame('shape:col', 'Glad', { region: 'glad' }),
      note('shape:3', 'third', 'shape:col', { x: 0, y: 300 }),
      note('shape:2', 'second', 'shape:col', { x: 250, y: 0 }),
      note('shape:4', 'fourth', 'shape:col', { x: 250, y: 300 }),
      note('shape:1', 'first', 'shape:col', { x: 0, y: 0 }),
    ]
    expect(texts(notesByRegion(records).get('glad'))).toEqual([
      'first',
      'second',
      'third',
      'fourth',
    ])
  })

  it('[tpl:BR1] orders nested notes by where they are on the board, not within their theme', () => {
    // tldraw keeps a child's position relative to its parent: the theme's notes sit below the
    // column's own note on the board, though their own y is smaller.
    const records = [
      frame('shape:col', 'Mad', { region: 'mad' }),
      frame('shape:theme', 'Deploys', { parentId: 'shape:col', x: 0, y: 400 }),
      note('shape:low', 'In the theme, lower down', 'shape:theme', { x: 20, y: 40 }),
      note('shape:top', 'At the top of the column', 'shape:col', { x: 20, y: 100 }),
    ]
    expect(texts(notesByRegion(records).get('mad'))).toEqual([
      'At the top of the column',
      'In the theme, lower down',
    ])
  })

  it('[tpl:BR1] reads note text as plain text, trimmed, and skips malformed records', () => {
    const records = [
      null,
      'junk',
      { typeName: 'shape', type: 'note' },
      frame('shape:col', 'Sad', { region: 'sad' }),
      note('shape:a', '  padded  ', 'shape:col'),
    ]
    expect(notesByRegion(records).get('sad')).toEqual([{ id: 'shape:a', text: 'padded' }])
  })

  it('[tpl:BR1] does not loop forever on a parent cycle', () => {
    const a = { ...frame('shape:a', 'A'), parentId: 'shape:b' }
    const b = { ...frame('shape:b', 'B'), parentId: 'shape:a' }
    const records = [a, b, note('shape:n', 'Stuck', 'shape:a')]
    expect(notesByRegion(records).size).toBe(0)
  })
})

describe('themes', () => {
  it('[tpl:BR2] are the frames people made, not the regions the template laid out', () => {
    const records = [
      frame('shape:start', 'Start', { region: 'start' }),
      frame('shape:stop', 'Stop', { region: 'stop', x: 600 }),
      frame('shape:t1', 'Testing', { parentId: 'shape:start' }),
      frame('shape:t2', 'Meetings', { x: 1200 }),
      note('shape:a', 'More tests', 'shape:t1'),
      note('shape:b', 'Fewer meetings', 'shape:t2'),
      note('shape:c', 'Straight in the column', 'shape:stop'),
    ]
    expect(themes(records)).toEqual([
      { id: 'shape:t1', name: 'Testing', notes: [{ id: 'shape:a', text: 'More tests' }] },
      { id: 'shape:t2', name: 'Meetings', notes: [{ id: 'shape:b', text: 'Fewer meetings' }] },
    ])
  })

  it('[tpl:BR2] carry their notes, an empty theme none, and an unnamed theme a default name', () => {
    const records = [
      frame('shape:t1', 'Speed'),
      frame('shape:t2', ''),
      frame('shape:t3', 'Empty'),
      note('shape:a', 'Builds are slow', 'shape:t1'),
      note('shape:b', 'Reviews are slow', 'shape:t1'),
      note('shape:c', 'Who knows', 'shape:t2'),
    ]
    expect(themes(records)).toEqual([
      {
        id: 'shape:t1',
        name: 'Speed',
        notes: [
          { id: 'shape:a', text: 'Builds are slow' },
          { id: 'shape:b', text: 'Reviews are slow' },
        ],
      },
      { id: 'shape:t2', name: 'Untitled group', notes: [{ id: 'shape:c', text: 'Who knows' }] },
      { id: 'shape:t3', name: 'Empty', notes: [] },
    ])
  })

  it('[tpl:BR2] give a note in a theme within a theme to the innermost theme', () => {
    const records = [
      frame('shape:outer', 'Outer'),
      frame('shape:inner', 'Inner', { parentId: 'shape:outer' }),
      note('shape:a', 'Deep', 'shape:inner'),
    ]
    const found = themes(records)
    expect(found.find((t) => t.id === 'shape:inner')?.notes).toEqual([
      { id: 'shape:a', text: 'Deep' },
    ])
    expect(found.find((t) => t.id === 'shape:outer')?.notes).toEqual([])
  })
})
