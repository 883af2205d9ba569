import { describe, expect, it } from 'vitest'
import type { RoomCommand } from '../facilitation/use-room-command'
import { submitForm } from './form-command'

describe('submitForm', () => {
  const command: RoomCommand = { type: 'commit' }

  it('says what to fix and sends nothing when the form is not ready', async () => {
    const sent: RoomCommand[] = []
    const errors: (string | null)[] = []
    const ok = await submitForm(
      { ok: false, error: 'Give the rationale.' },
      async (c) => {
        sent.push(c)
        return true
      },
      (e) => errors.push(e),
    )
    expect(ok).toBe(false)
    expect(sent).toEqual([])
    expect(errors).toEqual(['Give the rationale.'])
  })

  it('clears the error, sends the command and says whether it was accepted', async () => {
    for (const accepted of [true, false]) {
      const sent: RoomCommand[] = []
      const errors: (string | null)[] = []
      const ok = await submitForm(
        { ok: true, command },
        async (c) => {
          sent.push(c)
          return accepted
        },
        (e) => errors.push(e),
      )
      expect(ok).toBe(accepted)
      expect(sent).toEqual([command])
      expect(errors).toEqual([null])
    }
  })
})
