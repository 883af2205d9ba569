/**
 * What must hold after a fuzz run, each check adding readable sentences to `problems` rather than
 * stopping at the first, so that one failing run reports everything it found.
 */
import { getHealth } from '../inspect.js'
import type { ServerProcess } from '../server-process.js'
import { waitFor } from '../wait.js'
import { connectClient } from '../yjs-client.js'
import { type Attacker, CLOSE } from './attacker.js'
import { RECORDS_MAP } from '../board-records.js'
import { allWriters, auditDocument, type DocumentAudit, writersOutside } from './document-audit.js'
import { honestDifference, type HonestParty } from './honest-party.js'
import { refusalCounts } from './server-checks.js'
import { readStoredRoom } from './stored-room.js'

/** What the run knows that the checks compare against. */
export interface RunFacts {
  readonly server: ServerProcess
  readonly roomId: string
  readonly honest: HonestParty
  readonly attackers: readonly Attacker[]
  /** The attacker on the viewer link: nothing it sends may ever be applied. */
  readonly viewer: Attacker
  /**
   * Client ids in roots other than the board's records (the room's state, tldraw's schema)
   * before the attack: the server's own.
   */
  readonly serverWriters: ReadonlySet<number>
}

/** Never closed, converged on the reference, and each present to the others under their name. */
export async function checkHonestClients(facts: RunFacts, problems: string[]): Promise<void> {
  const { honest } = facts
  const converged = () =>
    honest.members.every((m) => honestDifference(m.client.doc, honest.reference) === null)
  try {
    await waitFor(converged, { what: 'the honest clients to converge', timeoutMs: 15_000 })
  } catch {
    for (const m of honest.members) {
      const difference = honestDifference(m.client.doc, honest.reference)
      if (difference) problems.push(`honest ${m.name}'s copy differs: ${clip(difference)}`)
    }
  }
  for (const m of honest.members) {
    const closes = new Map<string, number>()
    for (const { code, reason } of m.client.closes) {
      const key = `${code} ${reason}`
      closes.set(key, (closes.get(key) ?? 0) + 1)
    }
    const seen = [...closes].map(([close, times]) => `${close} (${times}×)`).join(', ')
    if (closes.size > 0) problems.push(`honest ${m.name} was closed: ${seen}`)
    else if (!m.client.provider.wsconnected) problems.push(`honest ${m.name} is not connected`)
  }

  problems.push(...new Set(honest.presenceProblems))
  if (honest.presenceProblems.length > 0) return // presence went wrong already: no need to wait
  // Once the attackers have gone, each honest client sees exactly the other honest writers (a
  // viewer's presence is not published), each under their own name.
  const presenceRight = () =>
    honest.members.every((observer) => {
      const states = observer.client.provider.awareness.getStates()
      const others = honest.writers.filter((p) => p !== observer)
      const expected = new Set([observer, ...others].map((p) => p.client.doc.clientID))
      return (
        [...states.keys()].every((id) => expected.has(id)) &&
        others.every((p) => nameIn(states.get(p.client.doc.clientID)) === p.name)
      )
    })
  try {
    await waitFor(presenceRight, { what: 'presence to show exactly the honest members' })
  } catch {
    for (const observer of honest.members) {
      const states = [...observer.client.provider.awareness.getStates()].map(
        ([id, state]) => `${id}=${clip(JSON.stringify(state), 120)}`,
      )
      problems.push(`presence seen by ${observer.name}: ${states.join(', ')}`)
    }
  }
}

/** Alive and ready; a late joiner gets the reference; every refusal was counted. */
export async function checkServer(facts: RunFacts, problems: string[]): Promise<void> {
  const { server, roomId, honest, attackers } = facts
  if (!(await getHealth(server)).ok) problems.push('/healthz is not ok')
  const ready = await fetch(`${server.url}/readyz`)
  if (ready.status !== 200) problems.push(`/readyz answered ${ready.status}`)

  // Yjs puts content it keeps waiting for dependencies into every state it encodes, so what a
  // late joiner receives also shows whether the room holds any.
  const late = connectClient(server.wsUrl, roomId)
  try {
    await late.whenSynced()
    const difference = honestDifference(late.doc, honest.reference)
    if (difference) problems.push(`a late joiner's copy differs: ${clip(difference)}`)
    checkAudit('the room as a late joiner gets it', auditDocument(late.doc), facts, problems)
  } finally {
    late.destroy()
  }

  const closes = (code: number) =>
    attackers.reduce((sum, one) => sum + (one.closes.get(code) ?? 0), 0)
  const counted = await refusalCounts(server)
  const atLeast: [string, number][] = [
    // 4400 is malformed input, or an update under another person's client id.
    ['malformed+forged_client_id', closes(CLOSE.malformed)],
    ['too_large', closes(CLOSE.tooBig)],
    // The probes: one write each from the viewer, to a server-owned root, a nested record, to
    // a root that is not the board's records, and an invalid record.
    ['read_only', 1],
    ['server_owned', 1],
    ['nested_record', 1],
    ['not_board', 1],
    ['invalid_record', 1],
  ]
  for (const [reason, least] of atLeast) {
    const count = reason.split('+').reduce((sum, part) => sum + (counted.get(part) ?? 0), 0)
    if (count < least) problems.push(`/metrics counts ${count} ${reason} refusals, not ≥ ${least}`)
  }
}

/** The stopped server's file is sound; its document is the reference, with nothing refused. */
export function checkStorage(facts: RunFacts, problems: string[]): void {
  const stored = readStoredRoom(facts.server.dbPath, facts.roomId)
  if (stored.integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${stored.integrity}`)
  for (const blob of stored.undecodable) problems.push(`stored blob does not decode: ${blob}`)
  for (const blob of stored.unappliable) problems.push(`stored blob does not apply: ${blob}`)
  const difference = honestDifference(stored.doc, facts.honest.reference)
  if (difference) problems.push(`the stored copy differs: ${clip(difference)}`)
  checkAudit('the stored room', auditDocument(stored.doc), facts, problems)
}

/** Nothing the rules refuse, and nothing waiting for dependencies. */
function checkAudit(where: string, audit: DocumentAudit, facts: RunFacts, problems: string[]) {
  if (audit.pendingBytes > 0) {
    problems.push(`${where} holds ${audit.pendingBytes} bytes waiting for missing dependencies`)
  }
  // Clients write the board's records and nothing else: server-owned roots, tldraw's schema and
  // every other root hold only what the server wrote.
  const intruders = [...writersOutside(audit, RECORDS_MAP)].filter(
    (id) => !facts.serverWriters.has(id),
  )
  if (intruders.length > 0) {
    const roots = [...audit.writersByRoot]
      .filter(([root, ids]) => root !== RECORDS_MAP && intruders.some((id) => ids.has(id)))
      .map(([root]) => root)
    problems.push(`${where}: clients ${intruders.join(', ')} wrote ${clip(roots.join(', '), 200)}`)
  }
  if (audit.nestedRecordItems > 0) {
    problems.push(`${where}: ${audit.nestedRecordItems} nested items in ${RECORDS_MAP}`)
  }
  if (audit.invalidRecords.length > 0) {
    problems.push(
      `${where}: ${audit.invalidRecords.length} invalid records: ${clip(audit.invalidRecords.join('; '))}`,
    )
  }
  const writers = allWriters(audit)
  const fromViewer = facts.viewer.authorIds.filter((id) => writers.has(id))
  if (fromViewer.length > 0) {
    problems.push(`${where}: the viewer's client ids ${fromViewer.join(', ')} wrote`)
  }
}

function nameIn(state: unknown): unknown {
  return (state as { user?: { name?: unknown } } | undefined)?.user?.name
}

export function clip(text: string, length = 600): string {
  return text.length > length ? `${text.slice(0, length)}…` : text
}
