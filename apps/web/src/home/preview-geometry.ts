/**
 * A template's board layout drawn small: its regions (in board units, hundreds of pixels wide)
 * scaled to fit a preview box, centred, with colours taken from tldraw's palette. Pure, so the
 * gallery's previews are tested without a browser.
 */
import type { RegionColor } from '@accord/templates'

export interface PreviewRegion {
  readonly key: string
  readonly title: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly color: RegionColor
}

export interface PreviewBox {
  readonly width: number
  readonly height: number
  /** Space kept clear around the layout. */
  readonly padding: number
}

export interface PreviewRect {
  readonly key: string
  /** The title as it fits the scaled width ('' when there is no room for any of it). */
  readonly label: string
  readonly title: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly fontSize: number
  readonly fill: string
  readonly stroke: string
  readonly ink: string
}

/** tldraw's light-theme colours (its `DefaultColorThemePalette`), by colour name. */
export const regionColors: Readonly<Record<RegionColor, string>> = {
  black: '#1d1d1d',
  blue: '#4465e9',
  green: '#099268',
  orange: '#e16919',
  red: '#e03131',
  violet: '#ae3ec9',
  yellow: '#f1ac4b',
  grey: '#9fa8b2',
}

const round = (n: number) => Math.round(n * 10) / 10

/** `color` mixed with white: `amount` 0 is white, 1 the colour itself. */
export function tint(color: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))
  return `#${channels
    .map((c) =>
      Math.round(255 + (c - 255) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/**
 * Cuts a title to what fits `width` pixels at `fontSize` (an average glyph is taken as 0.58 em),
 * ending with an ellipsis when cut; '' when not even one letter and the ellipsis fit.
 */
export function fitLabel(title: string, width: number, fontSize: number): string {
  const fits = Math.floor(width / (fontSize * 0.58))
  if (title.length <= fits) return title
  if (fits < 2) return ''
  return `${title.slice(0, fits - 1).trimEnd()}…`
}

/** Scales and centres the regions in the box; an empty layout gives no rectangles. */
export function layoutPreview(regions: readonly PreviewRegion[], box: PreviewBox): PreviewRect[] {
  if (regions.length === 0) return []
  const left = Math.min(...regions.map((r) => r.x))
  const top = Math.min(...regions.map((r) => r.y))
  const right = Math.max(...regions.map((r) => r.x + r.w))
  const bottom = Math.max(...regions.map((r) => r.y + r.h))
  const innerWidth = Math.max(box.width - 2 * box.padding, 1)
  const innerHeight = Math.max(box.height - 2 * box.padding, 1)
  const scale = Math.min(innerWidth / Math.max(right - left, 1), innerHeight / (bottom - top || 1))
  const offsetX = (box.width - (right - left) * scale) / 2
  const offsetY = (box.height - (bottom - top) * scale) / 2
  return regions.map((region) => {
    const w = region.w * scale
    const h = region.h * scale
    // Titles scale with the region, within what stays legible in a small picture.
    const fontSize = round(Math.min(Math.max(Math.min(w, h) * 0.12, 7), 13))
    const base = regionColors[region.color] ?? regionColors.grey
    return {
      key: region.key,
      title: region.title,
      label: fitLabel(region.title, w - fontSize, fontSize),
      x: round(offsetX + (region.x - left) * scale),
      y: round(offsetY + (region.y - top) * scale),
      w: round(w),
      h: round(h),
      fontSize,
      fill: tint(base, 0.12),
      stroke: tint(base, 0.55),
      ink: tint(base, 1),
    }
  })
}
