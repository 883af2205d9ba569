import { BOARD_RECORDS_MAP } from '@accord/facilitation'
import { RECORDS_MAP } from '@accord/tldraw-yjs'
import { expect, it } from 'vitest'

it('the server’s lock checks read the same record map the board writes', () => {
  expect(BOARD_RECORDS_MAP).toBe(RECORDS_MAP)
})
