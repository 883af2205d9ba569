/** Dot votes: opening one over board items, casting the caller's own dots, closing it. */
import { VOTE_LIMITS } from '@accord/facilitation'
import { z } from 'zod'
import { plainText } from '../text.js'

/** Opens a dot vote over items (notes or groups on the board); the vote rule checks the rest. */
export const voteOpen = z.object({
  type: z.literal('vote.open'),
  items: z
    .array(
      z.object({
        id: z.string().regex(/^shape:[\w-]{1,64}$/),
        label: plainText(VOTE_LIMITS.label),
      }),
    )
    .max(VOTE_LIMITS.items),
  dotsPerPerson: z.number().int(),
  maxPerItem: z.number().int(),
})

/** Places (1) or takes back (-1) one of the caller's own dots. */
export const voteCast = z.object({
  type: z.literal('vote.cast'),
  itemId: z.string().max(80),
  delta: z.union([z.literal(1), z.literal(-1)]).default(1),
})

/** Closes the open vote: the tally is published to everyone. */
export const voteClose = z.object({ type: z.literal('vote.close') })
