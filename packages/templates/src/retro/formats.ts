/** The four retrospective formats and their columns, with the question each column asks. */
import type { RegionColor } from '../template.js'

export interface RetroColumn {
  readonly key: string
  readonly title: string
  readonly prompt: string
  readonly color: RegionColor
}

export interface RetroFormat {
  readonly id: string
  readonly name: string
  readonly columns: readonly RetroColumn[]
}

export const retroFormats: readonly RetroFormat[] = [
  {
    id: 'start-stop-continue',
    name: 'Start / Stop / Continue',
    columns: [
      { key: 'start', title: 'Start', prompt: 'What should we start doing?', color: 'green' },
      { key: 'stop', title: 'Stop', prompt: 'What should we stop doing?', color: 'red' },
      { key: 'continue', title: 'Continue', prompt: 'What should we keep doing?', color: 'blue' },
    ],
  },
  {
    id: 'mad-sad-glad',
    name: 'Mad / Sad / Glad',
    columns: [
      { key: 'mad', title: 'Mad', prompt: 'What drove you crazy?', color: 'red' },
      { key: 'sad', title: 'Sad', prompt: 'What disappointed you?', color: 'blue' },
      { key: 'glad', title: 'Glad', prompt: 'What made you happy?', color: 'green' },
    ],
  },
  {
    id: '4ls',
    name: '4Ls',
    columns: [
      { key: 'liked', title: 'Liked', prompt: 'What did you like?', color: 'green' },
      { key: 'learned', title: 'Learned', prompt: 'What did you learn?', color: 'blue' },
      { key: 'lacked', title: 'Lacked', prompt: 'What was missing?', color: 'orange' },
      { key: 'longed-for', title: 'Longed for', prompt: 'What did you wish for?', color: 'violet' },
    ],
  },
  {
    id: 'sailboat',
    name: 'Sailboat',
    columns: [
      { key: 'wind', title: 'Wind', prompt: 'What pushed us forward?', color: 'green' },
      { key: 'anchors', title: 'Anchors', prompt: 'What held us back?', color: 'red' },
      { key: 'rocks', title: 'Rocks', prompt: 'What risks lie ahead?', color: 'orange' },
      { key: 'island', title: 'Island', prompt: 'Where are we heading? Our goal.', color: 'blue' },
    ],
  },
]

export function retroFormat(id: string): RetroFormat {
  return retroFormats.find((format) => format.id === id) ?? (retroFormats[0] as RetroFormat)
}
