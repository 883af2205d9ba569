/**
 * One seeded fuzz run against a fresh server: a room with three honest writers and an honest
 * viewer (stock y-websocket clients, editing throughout) and four attackers on raw sockets — the
 * participant, facilitator and viewer links and a joined participant — each sending its share of
 * seeded hostile frames. Then every check of `run-checks.ts`, the server's own output included.
 *
 * The run is bounded by its frame count, never by time. Everything it finds comes back as
 * sentences, with every frame sent (in hex) for the replay log.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRoom, joinRoom, repoRoot, type ServerProcess, tokensOf } from '../server-process.js'
import { Attacker, type FrameRecord } from './attacker.js'
import { RECORDS_MAP } from '../board-records.js'
import { auditDocument, writersOutside } from './document-audit.js'
import { type FrameKind, hostileFrame } from './hostile-frames.js'
import { HonestParty } from './honest-party.js'
import { Rng } from './prng.js'
import { checkHonestClients, checkServer, checkStorage, type RunFacts } from './run-checks.js'
import { troubleIn } from './server-checks.js'

export interface FuzzOptions {
  readonly seed: number
  /** Hostile frames in all, shared by the four attackers. */
  readonly frames: number
  /** Set low, so that oversized frames are cheap to send. */
  readonly maxMessageBytes: number
  /** Least time between two frames on one attacker connection (each followed by a sync step 1). */
  readonly pacingMs: number
  /** Only these kinds of frames (to narrow a failure down); every kind when omitted. */
  readonly only?: ReadonlySet<FrameKind>
  readonly start: (options: { env: Record<string, string> }) => Promise<ServerProcess>
}

export interface FuzzResult {
  readonly problems: readonly string[]
  readonly records: readonly FrameRecord[]
}

export async function fuzzRun(options: FuzzOptions): Promise<FuzzResult> {
  const problems: string[] = []
  const attackers: Attacker[] = []
  try {
    await attack(options, attackers, problems)
  } catch (error) {
    problems.push(`the run stopped: ${String(error)}`)
  }
  return {
    problems: [...attackers.flatMap((one) => one.violations), ...problems],
    records: attackers.flatMap((one) => one.records),
  }
}

/**
 * Writes a failed run to `tests/artifacts/fuzz/seed-<seed>.jsonl` — its problems on the first
 * line, then every frame sent, in hex, with its outcome — and returns the path.
 */
export function writeReplayLog(seed: number, result: FuzzResult): string {
  const dir = join(repoRoot, 'tests/artifacts/fuzz')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `seed-${seed}.jsonl`)
  const lines = [{ seed, problems: result.problems }, ...result.records]
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n')
  return file
}

/** The failure message of a run: its seed, how to replay it, and (the first of) what went wrong. */
export function failureReport(seed: number, result: FuzzResult, replay: string): string {
  const shown = result.problems.slice(0, 40)
  const more = result.problems.length - shown.length
  return (
    `seed ${seed} (replay: ${replay}; problems and frames: ${writeReplayLog(seed, result)}):\n- ` +
    shown.join('\n- ') +
    (more > 0 ? `\n… and ${more} more` : '')
  )
}

async function attack(options: FuzzOptions, attackers: Attacker[], problems: string[]) {
  const rng = new Rng(options.seed)
  const server = await options.start({
    env: { ACCORD_MAX_MESSAGE_BYTES: String(options.maxMessageBytes) },
  })
  const roomId = await createRoom(server, `Fuzzed board ${options.seed}`)
  // Attackers' presence is stamped with these names: their links' roles, and a joined name.
  const honest = await HonestParty.join(server, roomId, rng.fork(), [
    'Participant',
    'Facilitator',
    'Mallory',
  ])
  const tokens = tokensOf(roomId)
  const mallory = await joinRoom(server, roomId, tokens.participant, 'Mallory')
  const attacker = (name: string, token: string) =>
    new Attacker({
      name,
      wsUrl: server.wsUrl,
      roomId,
      token,
      rng: rng.fork(),
      honestIds: honest.clientIds,
      maxMessageBytes: options.maxMessageBytes,
      pacingMs: options.pacingMs,
      ...(options.only ? { only: options.only } : {}),
    })
  const participant = attacker('participant link', tokens.participant)
  const member = attacker('Mallory (participant)', mallory.token)
  const facilitator = attacker('facilitator link', tokens.facilitator)
  const viewer = attacker('viewer link', tokens.viewer)
  attackers.push(participant, member, facilitator, viewer)
  const facts: RunFacts = {
    server,
    roomId,
    honest,
    attackers,
    viewer,
    // Roots other than the board's records hold only what the server wrote when the room was
    // made (its state, tldraw's schema).
    serverWriters: writersOutside(auditDocument(honest.writers[0]!.client.doc), RECORDS_MAP),
  }

  try {
    // One refusal of each kind the write policy counts, before the fuzzing proper.
    const probes: [Attacker, FrameKind][] = [
      [viewer, 'authored-update'],
      [participant, 'server-owned-write'],
      [facilitator, 'nested-record'],
      [member, 'authored-update'],
      [participant, 'invalid-record'],
    ]
    for (const [who, kind] of probes) {
      const denials = who.denials
      await who.send(hostileFrame(who.context(), new Set([kind])))
      if (who.denials === denials) problems.push(`${kind} from the ${who.name} was not refused`)
    }

    await Promise.all([
      ...attackers.map((one) => one.run(Math.ceil(options.frames / attackers.length))),
      honest.editWhile(Math.ceil(options.frames / 3), 20),
    ])
    await Promise.all(attackers.map((one) => one.disconnect()))

    await checkHonestClients(facts, problems)
    await checkServer(facts, problems)
  } finally {
    honest.destroy()
  }

  const exit = await server.stop()
  if (exit !== 0) problems.push(`the server did not stop cleanly on SIGTERM: ${exit}`)
  checkStorage(facts, problems)
  for (const line of troubleIn(server.output)) problems.push(`server output: ${line.slice(0, 300)}`)
}
