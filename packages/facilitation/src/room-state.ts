/**
 * The part of a room only the server writes: the phase plan and the timer (locks, votes and reveal
 * state join as they land). It lives in the room's document under `ROOM_STATE_MAP`, so every
 * client sees it live and offline; the server refuses any client write to it.
 */
import { type Locks, noLocks } from './locks.js'
import { currentPhase, initialPlan, type Phase, type PhasePlan, type PhaseRules } from './phases.js'
import { idleTimer, type Timer } from './timer.js'
import { type Turns } from './turns.js'
import type { PublicVote } from './votes.js'

export const ROOM_STATE_MAP = 'accord:room'

export interface RoomState {
  readonly plan: PhasePlan
  readonly timer: Timer
  readonly locks: Locks
  /** The latest vote: open, or closed with its results; null before the first. */
  readonly vote: PublicVote | null
  readonly settings: RoomSettings
  /** The facilitator's latest "bring everyone to me": whose view, and when. */
  readonly summon: Summon | null
  /** The shape everyone's attention is on (e.g. the theme under discussion), highlighted for all. */
  readonly spotlight: string | null
  /** The round-robin share under way, if any. */
  readonly turns: Turns | null
  /** The template the workshop follows, its options and its structured state. */
  readonly workshop: Workshop | null
}

/**
 * A workshop's method, as the server keeps it. `data` is the template's own public state (its
 * shape belongs to the template, which reads it tolerantly); nothing hidden is ever in it.
 */
export interface Workshop {
  readonly template: string
  readonly options: Readonly<Record<string, unknown>>
  readonly data: Readonly<Record<string, unknown>>
  /** When the facilitator last closed the workshop and its result was stored; null while open. */
  readonly closedAt: number | null
}

export interface Summon {
  /** The tldraw user id of the person to bring everyone to (`user:<memberId>`). */
  readonly userId: string
  readonly at: number
  /**
   * What the facilitator was looking at when they asked, in page coordinates. Sent with the
   * command, because their presence (camera) may not have reached everyone yet; null from
   * clients that did not send it, and then everyone goes to their presence's view.
   */
  readonly viewport: SummonViewport | null
}

export interface SummonViewport {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface RoomSettings {
  /** Nothing revealed or voted can be tied to its author. */
  readonly anonymous: boolean
}

export function initialRoomState(): RoomState {
  return {
    plan: initialPlan(),
    timer: idleTimer,
    locks: noLocks,
    vote: null,
    settings: { anonymous: false },
    summon: null,
    spotlight: null,
    turns: null,
    workshop: null,
  }
}

/**
 * [fac:L1] What holds participants back right now: the facilitator's locks, plus the whole board
 * when the current phase does not allow board editing.
 */
export function participantLocks(state: RoomState): Locks {
  return {
    board: state.locks.board || !currentPhase(state.plan).rules.boardEditing,
    frames: state.locks.frames,
    layout: state.locks.layout,
  }
}

/**
 * Reads the state from the map's JSON. Anything missing or malformed (an older server, a damaged
 * document) falls back to its initial value, so a board always opens.
 */
export function readRoomState(json: Record<string, unknown>): RoomState {
  const initial = initialRoomState()
  return {
    plan: isPlan(json.plan) ? json.plan : initial.plan,
    timer: isTimer(json.timer) ? json.timer : initial.timer,
    locks: isLocks(json.locks) ? { ...json.locks, layout: json.locks.layout ?? [] } : initial.locks,
    vote: isVote(json.vote) ? json.vote : initial.vote,
    settings:
      isObject(json.settings) && typeof json.settings.anonymous === 'boolean'
        ? { anonymous: json.settings.anonymous }
        : initial.settings,
    summon:
      isObject(json.summon) &&
      typeof json.summon.userId === 'string' &&
      typeof json.summon.at === 'number'
        ? {
            userId: json.summon.userId,
            at: json.summon.at,
            viewport: isViewport(json.summon.viewport) ? json.summon.viewport : null,
          }
        : initial.summon,
    spotlight: typeof json.spotlight === 'string' ? json.spotlight : initial.spotlight,
    turns: isTurns(json.turns) ? json.turns : initial.turns,
    workshop: isWorkshop(json.workshop) ? json.workshop : initial.workshop,
  }
}

function isViewport(v: unknown): v is SummonViewport {
  return (
    isObject(v) &&
    [v.x, v.y, v.w, v.h].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (v.w as number) > 0 &&
    (v.h as number) > 0
  )
}

function isTurns(v: unknown): v is Turns {
  return (
    isObject(v) &&
    Array.isArray(v.order) &&
    v.order.every(
      (taker) =>
        isObject(taker) && typeof taker.memberId === 'string' && typeof taker.name === 'string',
    ) &&
    (v.current === null ||
      (Number.isInteger(v.current) && (v.current as number) < v.order.length)) &&
    typeof v.shared === 'number'
  )
}

function isWorkshop(v: unknown): v is Workshop {
  return (
    isObject(v) &&
    typeof v.template === 'string' &&
    isObject(v.options) &&
    isObject(v.data) &&
    (v.closedAt === null || typeof v.closedAt === 'number')
  )
}

function isVote(v: unknown): v is PublicVote {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    (v.status === 'open' || v.status === 'closed') &&
    Array.isArray(v.items) &&
    typeof v.dotsPerPerson === 'number' &&
    typeof v.maxPerItem === 'number'
  )
}

function isLocks(v: unknown): v is Locks {
  return (
    isObject(v) &&
    typeof v.board === 'boolean' &&
    isStringList(v.frames) &&
    // Rooms from before templates have no layout lock.
    (v.layout === undefined || isStringList(v.layout))
  )
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'string')

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function isRules(v: unknown): v is PhaseRules {
  return (
    isObject(v) &&
    typeof v.boardEditing === 'boolean' &&
    typeof v.privateWriting === 'boolean' &&
    ['none', 'facilitator', 'self', 'turn'].includes(v.reveal as string) &&
    typeof v.voting === 'boolean'
  )
}

function isPhase(v: unknown): v is Phase {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.instructions === 'string' &&
    isRules(v.rules)
  )
}

function isPlan(v: unknown): v is PhasePlan {
  return (
    isObject(v) &&
    Array.isArray(v.phases) &&
    v.phases.length > 0 &&
    v.phases.every(isPhase) &&
    Number.isInteger(v.currentIndex) &&
    (v.currentIndex as number) >= 0 &&
    (v.currentIndex as number) < v.phases.length
  )
}

function isTimer(v: unknown): v is Timer {
  if (!isObject(v)) return false
  if (v.state === 'idle') return true
  if (v.state === 'running') return typeof v.durationMs === 'number' && typeof v.endsAt === 'number'
  if (v.state === 'paused')
    return typeof v.durationMs === 'number' && typeof v.remainingMs === 'number'
  return false
}
