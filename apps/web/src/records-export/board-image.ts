import { exportFileName } from '@accord/records'
import type { Editor } from 'tldraw'

export type ImageFormat = 'png' | 'svg'

/** The board's file name: its title, made safe as the server does for its exports. */
export function boardFileName(title: string, extension: string): string {
  return exportFileName(title.trim() === '' ? 'Accord board' : title, extension)
}

/**
 * The whole current page as an image (tldraw's own export), with the board's background. Throws
 * with a message people can read when the page is empty.
 */
export async function boardImage(editor: Editor, format: ImageFormat): Promise<Blob> {
  const ids = [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) throw new Error('The board is empty: there is nothing to export.')
  const { blob } = await editor.toImage(ids, { format, background: true, padding: 32 })
  return blob
}
