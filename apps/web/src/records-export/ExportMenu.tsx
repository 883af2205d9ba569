import type { RoomState } from '@accord/facilitation'
import { useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { boardFileName, boardImage, type ImageFormat } from './board-image'
import { PrintSummary } from './PrintSummary'
import { fetchExport, type ServerExportFormat } from './room-records'
import { saveFile } from './save-file'
import { useDismiss } from '../app/use-dismiss'

type Format = ServerExportFormat | ImageFormat

const entries: readonly { format: Format; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown summary', hint: 'The workshop’s summary, readable anywhere' },
  { format: 'json', label: 'JSON (everything)', hint: 'Result and records, for other tools' },
  { format: 'csv', label: 'CSV (action items and risks)', hint: 'Opens in spreadsheets' },
  { format: 'png', label: 'PNG image of the board', hint: 'The whole page, as a picture' },
  { format: 'svg', label: 'SVG image of the board', hint: 'The whole page, scalable' },
]

const isServerFormat = (format: Format): format is ServerExportFormat =>
  format === 'md' || format === 'json' || format === 'csv'

/**
 * "Export": the workshop's summary as Markdown, JSON or CSV (from the server, at any time), the
 * board as PNG or SVG (tldraw's export), and a printable summary. Open to everyone in the room.
 */
export function ExportMenu(props: {
  roomId: string
  token: string
  title: string
  /** Null until the canvas is up: the images and the printed summary need it. */
  editor: Editor | null
  state: RoomState
  /** Inline in a panel (the menu pushes content down) rather than floating under the header. */
  inline?: boolean
  testId?: string
}) {
  const { editor } = props
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState<Format | null>(null)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const [printing, setPrinting] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useDismiss(open, root, () => setOpen(false))

  async function download(format: Format) {
    setBusy(format)
    setMessage(null)
    try {
      let fileName: string
      if (isServerFormat(format)) {
        const result = await fetchExport(props.roomId, props.token, format)
        if (!result.ok) throw new Error(result.message)
        fileName = result.value.fileName ?? boardFileName(props.title, format)
        saveFile(result.value.blob, fileName)
      } else {
        if (!editor) throw new Error('The board is still loading.')
        const blob = await boardImage(editor, format)
        fileName = boardFileName(props.title, format)
        saveFile(blob, fileName)
      }
      setMessage({ text: `Downloaded ${fileName}`, error: false })
    } catch (error) {
      const reason = error instanceof Error && error.message ? error.message : 'unknown error'
      setMessage({ text: `Export failed: ${reason}`, error: true })
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className={props.inline ? 'export export--inline' : 'export'} ref={root}>
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-haspopup="menu"
        data-testid={props.testId ?? 'export-button'}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <div className="export__menu" role="menu" aria-label="Export this workshop">
          {entries.map((entry) => (
            <button
              key={entry.format}
              type="button"
              role="menuitem"
              className="export__item"
              data-testid={`export-${entry.format}`}
              disabled={busy !== null || (!isServerFormat(entry.format) && !editor)}
              onClick={() => void download(entry.format)}
            >
              <span className="export__label">
                {entry.label}
                {busy === entry.format ? ' …' : ''}
              </span>
              <span className="export__hint">{entry.hint}</span>
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="export__item"
            data-testid="export-print"
            disabled={!editor}
            onClick={() => {
              setOpen(false)
              setPrinting(true)
            }}
          >
            <span className="export__label">Print summary</span>
            <span className="export__hint">A clean page to print or save as PDF</span>
          </button>
          <p
            className={
              message?.error ? 'export__message export__message--error' : 'export__message'
            }
            role="status"
            aria-live="polite"
            data-testid="export-message"
            data-error={message?.error ?? false}
          >
            {message?.text}
          </p>
        </div>
      )}
      {printing && editor && (
        <PrintSummary
          editor={editor}
          state={props.state}
          title={props.title}
          roomId={props.roomId}
          token={props.token}
          onClose={() => setPrinting(false)}
        />
      )}
    </div>
  )
}
