/**
 * The set-up most browser tests share: a server, Chromium, a facilitator (Faye) who creates a
 * board from the home page, and participants who join it through its participant link.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  type BoardLinks,
  createBoardInUi,
  joinWithLink,
  launchBrowser,
  newParticipant,
  type Participant,
} from './browser.js'
import { type ServerProcess, startServer } from './server-process.js'

export interface Workshop {
  readonly server: ServerProcess
  readonly browser: Browser
  readonly faye: Participant
  /** Participants by name, in the order given. */
  readonly people: Readonly<Record<string, Participant>>
  readonly links: BoardLinks
  readonly roomId: string
  readonly facilitatorToken: string
}

export function useWorkshop(title: string, participantNames: readonly string[] = []): Workshop {
  let workshop: Workshop | undefined
  beforeAll(async () => {
    const server = await startServer()
    const browser = await launchBrowser()
    const faye = await newParticipant(browser)
    const links = await createBoardInUi(faye.page, server, title, 'Faye')
    const people: Record<string, Participant> = {}
    for (const name of participantNames) {
      people[name] = await newParticipant(browser)
      await joinWithLink(people[name].page, links.participant, name)
    }
    workshop = {
      server,
      browser,
      faye,
      people,
      links,
      roomId: new URL(links.facilitator).pathname.split('/')[2] ?? '',
      facilitatorToken: links.facilitator.split('#t=')[1] ?? '',
    }
  })
  afterAll(async () => {
    await workshop?.browser.close()
    await workshop?.server.stop()
  })
  // Read lazily: the fields exist once beforeAll has run.
  return new Proxy({} as Workshop, {
    get: (_, key: keyof Workshop) => {
      if (!workshop) throw new Error('the workshop is not set up yet')
      return workshop[key]
    },
  })
}
