/**
 * A disagree-and-commit's board shows what is proposed and decided (tpl:DC6), against the real
 * server: the server writes the proposal, who decides and then the outcome into the Proposal
 * region, keeps it current, and holds it fixed for participants.
 */
import { describe, expect, it } from 'vitest'
import {
  boardRecords,
  noteShape,
  noteText,
  putShapes,
  regionFrame,
  roomStateOf,
  shapesOf,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { api } from '../support/records-api.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

/** The text the server keeps in the Proposal region, as a client's board has it. */
const proposalText = (client: TestClient) => {
  const shape = shapesOf(client.doc).find((s) => s.meta.regionContent === 'proposal')
  return shape ? noteText(shape) : null
}

describe('the Proposal region of a disagree-and-commit', () => {
  it('[tpl:DC6][tpl:DC7] shows the proposal, who decides and the outcome, fixed for participants; concerns reach the exports', async () => {
    const { roomId, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      'Queue choice',
      { template: 'disagree-and-commit', options: { scale: 'agreement' } },
      ['Bo'],
    )
    const bo = people[0]!
    const [, boClient] = clients as [TestClient, TestClient]
    expect(proposalText(boClient)).toBeNull() // nothing proposed yet

    await send(faye.token, {
      type: 'proposal.set',
      title: 'Adopt Marlinqueue for background jobs',
      context: 'Jobs run inside web requests.',
      options: [
        { title: 'Marlinqueue', pros: 'Known to the team', cons: 'Keeps jobs a day' },
        { title: 'Cron', pros: '', cons: 'No retries' },
      ],
      deciderId: bo.memberId,
    })
    await waitFor(() => proposalText(boClient) !== null, { what: 'the proposal on the board' })
    const text = proposalText(boClient)!
    expect(text).toContain('Adopt Marlinqueue for background jobs')
    expect(text).toContain('• Marlinqueue (pros: Known to the team; cons: Keeps jobs a day)')
    expect(text).toContain('Decides: Bo')
    expect(text).toContain('Not decided yet.')
    const shape = shapesOf(boClient.doc).find((s) => s.meta.regionContent === 'proposal')!
    expect(shape.parentId).toBe(regionFrame(boClient.doc, 'proposal').id)
    expect(roomStateOf(boClient.doc).locks?.layout).toContain(shape.id)

    // Bo cannot change or remove it.
    putShapes(boClient.doc, { ...shape, x: shape.x + 300 })
    boardRecords(boClient.doc).delete(shape.id)
    const observer = shared.client(roomId)
    await observer.whenSynced()

    // The decision: the same text now says the outcome.
    // [tpl:DC7] A concern raised on the board in the discussion.
    await phase('discussion')
    putShapes(
      boClient.doc,
      noteShape({
        id: 'shape:concern-retention',
        text: 'Can Marlinqueue keep jobs for a week?',
        parentId: regionFrame(boClient.doc, 'concerns').id,
        x: 24,
        y: 100,
        index: 'a5',
      }),
    )
    await waitFor(() => boardRecords(observer.doc).has('shape:concern-retention'))
    // Bo's note arrived after his changes to the text: those were refused.
    expect(boardRecords(observer.doc).get(shape.id)).toEqual(shape)
    await phase('stances')
    await send(bo.token, { type: 'stance.give', stance: 'agree' })
    await phase('reveal')
    await send(faye.token, { type: 'stances.reveal' })
    await phase('decide')
    await send(bo.token, {
      type: 'decision.record',
      outcome: 'accepted',
      option: 'Marlinqueue',
      decision: 'Background jobs move to Marlinqueue.',
      rationale: 'The team knows it.',
    })
    await waitFor(() => proposalText(observer)?.includes('Accepted by Bo') === true, {
      what: 'the outcome on the board',
    })
    expect(proposalText(observer)).toContain(
      'Accepted by Bo: Marlinqueue\nBackground jobs move to Marlinqueue.\nWhy: The team knows it.',
    )
    const texts = shapesOf(observer.doc).filter((s) => s.meta.regionContent === 'proposal')
    expect(texts.map((s) => s.id)).toEqual([shape.id]) // rewritten, never a second one

    // [tpl:DC7] The workshop's Markdown and JSON carry the concern with the decision.
    const markdown = await api(shared.server, 'GET', `/api/rooms/${roomId}/export?format=md`, {
      token: faye.token,
    })
    expect(markdown.text).toContain(
      '## Questions and concerns\n\n- Can Marlinqueue keep jobs for a week?',
    )
    const json = await api(shared.server, 'GET', `/api/rooms/${roomId}/export?format=json`, {
      token: faye.token,
    })
    expect(json.json<{ result: { concerns: unknown } }>().result.concerns).toEqual([
      { id: 'shape:concern-retention', text: 'Can Marlinqueue keep jobs for a week?' },
    ])
  })
})
