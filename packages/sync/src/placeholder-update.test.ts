import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { placeholderFor } from './placeholder-update.js'

describe('placeholderFor', () => {
  it('takes up the same clock ranges and carries no content', () => {
    const writer = new Y.Doc()
    writer.getMap('forbidden').set('k', 'secret')
    writer.getText('t').insert(0, 'hello')
    const update = Y.encodeStateAsUpdate(writer)
    const placeholder = placeholderFor(update)
    const server = new Y.Doc()
    Y.applyUpdate(server, placeholder)
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(writer))
    expect(server.getMap('forbidden').size).toBe(0)
    expect(server.getText('t').toString()).toBe('')
    expect(new TextDecoder().decode(placeholder)).not.toContain('secret')
  })

  it('lets the writer’s later updates apply, instead of waiting forever', () => {
    const writer = new Y.Doc()
    const server = new Y.Doc()
    writer.getMap('forbidden').set('k', 'secret')
    Y.applyUpdate(server, placeholderFor(Y.encodeStateAsUpdate(writer)))
    const sv = Y.encodeStateVector(server)
    writer.getMap('board').set('note', 'allowed')
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, sv))
    expect(server.getMap('board').get('note')).toBe('allowed')
    expect(server.store.pendingStructs).toBeNull()
  })

  it('does not undo what the document already has', () => {
    const writer = new Y.Doc()
    writer.getMap('board').set('a', 1)
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer))
    Y.applyUpdate(server, placeholderFor(Y.encodeStateAsUpdate(writer)))
    expect(server.getMap('board').get('a')).toBe(1)
  })
})
