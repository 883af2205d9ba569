/**
 * Stances, on one of two scales: fist-of-five (0 = block, 3 = can live with it, 5 = full
 * support) or agree / disagree-but-commit / block. A block or a low score needs a written reason;
 * that reason, in the person's own words, is the dissent the record keeps.
 */
import { err, ok, type Result } from '@accord/facilitation'

export type Scale = 'fist-of-five' | 'agreement'
export type Agreement = 'agree' | 'disagree-commit' | 'block'
export type StanceValue = number | Agreement

export interface Stance {
  readonly value: StanceValue
  readonly reason: string
}

export const agreementLabels: Readonly<Record<Agreement, string>> = {
  agree: 'Agree',
  'disagree-commit': 'Disagree but commit',
  block: 'Block',
}

export const fistLabels = [
  'Block',
  'Strong concerns',
  'Concerns',
  'Can live with it',
  'Support',
  'Full support',
] as const

/** Low enough to need a reason: a block, or a fist of 2 or less. */
export function needsReason(value: StanceValue): boolean {
  return value === 'block' || (typeof value === 'number' && value <= 2)
}

/** Dissent: anything short of agreement (a fist of 2 or less, disagree-but-commit, block). */
export function isDissent(value: StanceValue): boolean {
  return needsReason(value) || value === 'disagree-commit'
}

export function isBlock(value: StanceValue): boolean {
  return value === 'block' || value === 0
}

export function stanceLabel(value: StanceValue): string {
  return typeof value === 'number'
    ? `${value} — ${fistLabels[value] ?? ''}`
    : agreementLabels[value]
}

/** [tpl:DC1] Checks a stance against the room's scale; a block or a low score needs a reason. */
export function checkStance(scale: Scale, stance: Stance): Result<Stance> {
  const { value } = stance
  if (scale === 'fist-of-five') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 5)
      return err('a fist-of-five stance is a whole number from 0 to 5')
  } else if (typeof value !== 'string' || !Object.hasOwn(agreementLabels, value)) {
    return err('a stance is agree, disagree-commit or block')
  }
  if (needsReason(value) && stance.reason.trim() === '')
    return err(
      value === 'block' || value === 0 ? 'a block needs a reason' : 'a low score needs a reason',
    )
  return ok(stance)
}

/** The round of the proposal a stance was given on (stances from before rounds existed: 0). */
export function stanceRound(value: unknown): number {
  const round =
    typeof value === 'object' && value !== null ? (value as { round?: unknown }).round : 0
  return typeof round === 'number' ? round : 0
}

export function isStance(value: unknown): value is Stance {
  if (typeof value !== 'object' || value === null) return false
  const { value: v, reason } = value as { value?: unknown; reason?: unknown }
  return (
    (typeof v === 'number' || (typeof v === 'string' && Object.hasOwn(agreementLabels, v))) &&
    typeof reason === 'string'
  )
}

export interface StanceSummary {
  readonly count: number
  /** How many gave each stance: "0".."5", or agree / disagree-commit / block. */
  readonly distribution: Readonly<Record<string, number>>
  /** Fist-of-five only: the mean, to one decimal. */
  readonly average: number | null
  readonly blocks: number
  readonly dissenting: number
}

/** [tpl:DC2] Aggregates stances: the distribution, the mean fist, blocks and dissent. */
export function summarise(scale: Scale, stances: readonly Stance[]): StanceSummary {
  const keys =
    scale === 'fist-of-five' ? ['0', '1', '2', '3', '4', '5'] : Object.keys(agreementLabels)
  const distribution = Object.fromEntries(keys.map((key) => [key, 0]))
  for (const { value } of stances)
    distribution[String(value)] = (distribution[String(value)] ?? 0) + 1
  const fists = stances.map((s) => s.value).filter((v): v is number => typeof v === 'number')
  return {
    count: stances.length,
    distribution,
    average:
      scale === 'fist-of-five' && fists.length > 0
        ? Math.round((fists.reduce((sum, v) => sum + v, 0) / fists.length) * 10) / 10
        : null,
    blocks: stances.filter((s) => isBlock(s.value)).length,
    dissenting: stances.filter((s) => isDissent(s.value)).length,
  }
}
