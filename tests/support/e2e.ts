/**
 * The browser tests' fixture: one built server and one Chromium per test file (started before its
 * first test, stopped after its last), and for each test state of its own — its own browser
 * contexts (people, each a separate profile), its own rooms, and any server it starts itself —
 * so that no test depends on what another left behind, or on the order they run in.
 *
 * What a test opened is closed before the next test starts (and after the file's last one), not
 * right after it: vitest runs `onTestFailed` after `afterEach`, and a failing test's screenshots
 * need its pages. Whether a test's pages threw is checked right after it, and fails it.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import {
  type BoardLinks,
  createBoardInUi,
  joinWithLink,
  launchBrowser,
  newParticipant,
  type Participant,
  shareLink,
} from './browser.js'
import {
  createRoom,
  type RoomSetup,
  type ServerOptions,
  type ServerProcess,
  startServer,
} from './server-process.js'
import { connectClient, type TestClient } from './yjs-client.js'

export interface E2eOptions {
  /**
   * The file's server: its options (e.g. `env`), or `false` for a file whose tests each start the
   * servers they need (`startServer`).
   */
  readonly server?: ServerOptions | false
  /** Names Chromium resolves to loopback (a deployment behind TLS: see `launchBrowser`). */
  readonly hostnames?: readonly string[]
}

export interface PersonOptions extends BrowserContextOptions {
  /** Page errors this test expects (e.g. a fetch the Content-Security-Policy refused). */
  readonly expectedErrors?: (message: string) => boolean
}

/** A facilitator (Faye) who created a board from the home page, and participants who joined it. */
export interface Workshop {
  readonly faye: Participant
  /** Participants by name, joined through the participant link in the order given. */
  readonly people: Readonly<Record<string, Participant>>
  readonly links: BoardLinks
  readonly roomId: string
  readonly facilitatorToken: string
}

export interface E2e {
  /** The file's server. */
  readonly server: ServerProcess
  readonly browser: Browser
  /** A new browser profile (own storage, cookies and IndexedDB) for this test: a new person. */
  person(options?: PersonOptions): Promise<Participant>
  /** Another tab of `person` (same profile); its page errors count as theirs. */
  tab(person: Participant): Promise<Page>
  /** A room made over the HTTP API on the file's server (see `createRoom`). */
  room(title?: string, setup?: RoomSetup): Promise<string>
  /** A new person who opens `roomId`'s share link for `role` and joins as `name`. */
  join(
    roomId: string,
    name: string,
    role?: 'facilitator' | 'participant' | 'viewer',
    options?: PersonOptions,
  ): Promise<Participant>
  /** A board Faye creates from the home page, joined by `names` through its participant link. */
  workshop(title: string, names?: readonly string[]): Promise<Workshop>
  /** A server of this test's own (another configuration, or one it restarts). */
  startServer(options?: ServerOptions): Promise<ServerProcess>
  /** A stock y-websocket client for this test, on the file's server unless another is given. */
  client(
    roomId: string,
    options?: Parameters<typeof connectClient>[2],
    server?: ServerProcess,
  ): TestClient
  /** Every page error of the file so far, each as "<test> › <message>" (expected ones left out). */
  pageErrors(): string[]
}

interface Opened {
  readonly person: Participant
  readonly test: string
  readonly expected: (message: string) => boolean
}

export function useE2e(options: E2eOptions = {}): E2e {
  let server: ServerProcess | undefined
  let browser: Browser | undefined
  /** Every person of the file, for `pageErrors`. */
  const everyone: Opened[] = []
  /** What the current (or, until the next one starts, the last) test opened. */
  let opened: Opened[] = []
  const servers: ServerProcess[] = []
  const clients: TestClient[] = []

  const closeLastTests = async () => {
    for (const client of clients.splice(0)) client.destroy()
    const people = opened
    opened = []
    await Promise.all(people.map(({ person }) => person.context.close().catch(() => {})))
    for (const each of servers.splice(0)) await each.stop('SIGKILL')
  }

  beforeAll(async () => {
    const serverOptions = options.server
    ;[server, browser] = await Promise.all([
      serverOptions === false ? undefined : startServer(serverOptions),
      launchBrowser({ hostnames: options.hostnames ?? [] }),
    ])
  })
  beforeEach(closeLastTests)
  afterEach(() => {
    const thrown = opened.flatMap(({ person, expected }) =>
      person.errors.filter((message) => !expected(message)),
    )
    if (thrown.length > 0) throw new Error(`a page threw:\n${thrown.join('\n')}`)
  })
  afterAll(async () => {
    await closeLastTests()
    await browser?.close()
    await server?.stop()
  })

  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the file's ${what} is not started`)
    return value
  }
  const theServer = () => current(server, 'server')
  const theBrowser = () => current(browser, 'browser')

  const person = async (personOptions: PersonOptions = {}): Promise<Participant> => {
    const { expectedErrors, ...contextOptions } = personOptions
    const participant = await newParticipant(theBrowser(), contextOptions)
    const entry = {
      person: participant,
      test: expect.getState().currentTestName ?? '(set-up)',
      expected: expectedErrors ?? (() => false),
    }
    opened.push(entry)
    everyone.push(entry)
    return participant
  }

  return {
    get server() {
      return theServer()
    },
    get browser() {
      return theBrowser()
    },
    person,
    async tab(owner) {
      const page = await owner.context.newPage()
      page.on('pageerror', (error) => owner.errors.push(error.message))
      return page
    },
    room: (title, setup) => createRoom(theServer(), title, setup),
    async join(roomId, name, role = 'participant', personOptions) {
      const joiner = await person(personOptions)
      await joinWithLink(joiner.page, shareLink(theServer(), roomId, role), name)
      return joiner
    },
    async workshop(title, names = []) {
      const faye = await person()
      const links = await createBoardInUi(faye.page, theServer(), title, 'Faye')
      const people: Record<string, Participant> = {}
      for (const name of names) {
        const joiner = await person()
        await joinWithLink(joiner.page, links.participant, name)
        people[name] = joiner
      }
      return {
        faye,
        people,
        links,
        roomId: new URL(links.facilitator).pathname.split('/')[2] ?? '',
        facilitatorToken: links.facilitator.split('#t=')[1] ?? '',
      }
    },
    async startServer(serverOptions) {
      const started = await startServer(serverOptions)
      servers.push(started)
      return started
    },
    client(roomId, clientOptions, on) {
      const client = connectClient((on ?? theServer()).wsUrl, roomId, clientOptions)
      clients.push(client)
      return client
    },
    pageErrors: () =>
      everyone.flatMap(({ person: each, test, expected }) =>
        each.errors
          .filter((message) => !expected(message))
          .map((message) => `${test} › ${message}`),
      ),
  }
}

/** One step of a story, done to (and checked on) the story's subject: a room, a board, people. */
export type Step<T> = (subject: T) => Promise<unknown>

/**
 * A step with a quicker way to the state it leaves: `fastForward` makes the same changes without
 * the step's UI (see fast-forward.ts), for the tests of the steps after it; its own test still
 * drives it through the UI. A fast-forward that acts in a page first waits until that page shows
 * what the fast-forwards before it changed, and ends once the server has what it did there.
 */
export interface Shortcut<T> {
  readonly step: Step<T>
  readonly fastForward: Step<T>
}

/** The fast-forward of a step that only reads: it leaves nothing to reach. */
export const nothingToChange = async (): Promise<void> => {}

const stepOf = <T>(entry: Step<T> | Shortcut<T>): Step<T> =>
  typeof entry === 'function' ? entry : entry.step

/**
 * A story several tests tell together, each test about one of its steps. The function returned,
 * called with a step (and `begin`'s arguments), makes a new subject with `begin`, brings it to the
 * state the steps before that one leave and then runs the step itself — so that each test starts
 * from the state it built, not from what an earlier test left, and runs alone or in any order. It
 * resolves with the subject, for checks after the step.
 *
 * An earlier step with a `Shortcut` is fast-forwarded; one without is run through the UI, as in
 * its own test. Before a step runs through the UI after fast-forwards, `settle` waits until the
 * subject's pages show what they changed (the step clicks on it). Each test so drives only its own step's UI: a
 * story costs one pass over its steps' UI, not one per later test.
 */
export function story<T, A extends unknown[]>(
  begin: (...args: A) => Promise<T>,
  steps: readonly (Step<T> | Shortcut<T>)[],
  settle: Step<T> = nothingToChange,
): (step: Step<T>, ...args: A) => Promise<T> {
  return async (last, ...args) => {
    const index = steps.findIndex((entry) => stepOf(entry) === last)
    if (index < 0) throw new Error(`${last.name} is not a step of this story`)
    const subject = await begin(...args)
    /** Whether the pages may not show the latest fast-forward yet. */
    let unsettled = false
    const throughTheUi = async (step: Step<T>) => {
      if (unsettled) await settle(subject)
      unsettled = false
      await step(subject)
    }
    for (const entry of steps.slice(0, index)) {
      if (typeof entry === 'function') {
        await throughTheUi(entry)
      } else {
        await entry.fastForward(subject)
        unsettled = true
      }
    }
    await throughTheUi(last)
    return subject
  }
}
