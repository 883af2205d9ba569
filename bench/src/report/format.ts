/** Numbers as the report prints them. */
import type { ServerKind } from '../load/job.js'

export const serverLabels: Record<ServerKind, string> = {
  accord: 'Accord',
  'y-websocket': 'y-websocket',
  hocuspocus: 'Hocuspocus',
  floor: 'floor',
}

export function ms(value: number | null): string {
  if (value === null) return 'n/a'
  if (value < 10) return value.toFixed(2)
  if (value < 100) return value.toFixed(1)
  return value.toFixed(0)
}

export function ratio(value: number | null): string {
  if (value === null) return 'n/a'
  if (value < 0.1) return `${value.toFixed(3)}×`
  return `${value.toFixed(2)}×`
}

export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)} %`
}

/** At this share of its core the generator, not the server, may be what limits a run. */
export const GENERATOR_BOUND = 0.9

/** The generator's share of its core, flagged ⚠ where it may be the limit. */
export function generatorCell(share: number | null): string {
  return share !== null && share >= GENERATOR_BOUND ? `${percent(share)} ⚠` : percent(share)
}

export function count(value: number): string {
  return value.toLocaleString('en-US')
}
