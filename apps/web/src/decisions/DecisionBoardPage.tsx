import { useEffect, useState } from 'react'
import type { Editor, TLStore } from 'tldraw'
import { type DecisionRecord, fetchBoardAtDecision, fetchDecision } from '../api/records'
import { Link } from '../app/Link'
import { decisionPath } from '../app/routes'
import { boardFileName, boardImage, type ImageFormat } from '../records-export/board-image'
import { saveFile } from '../records-export/save-file'
import { keptOn, noBoardKept } from './board-at-decision'
import { keptBoardStore } from './board-at-decision-store'
import { boardLinkOf } from './decision-view'
import { credentialFor } from './room-credential'
import { KeptBoardCanvas } from './KeptBoardCanvas'
import { formatDay, RecordsHeader } from './RecordsHeader'

type Loaded =
  | {
      readonly kind: 'kept'
      readonly record: DecisionRecord
      readonly store: TLStore
      readonly day: string
    }
  | { readonly kind: 'none'; readonly record: DecisionRecord }
  /** This browser holds no credential of the workshop the record came from. */
  | { readonly kind: 'locked'; readonly record: DecisionRecord }
  | { readonly kind: 'failed'; readonly status: number; readonly message: string }

/**
 * The record, then the board kept with it — with this browser's credential for the workshop it
 * came from: like the live board, the kept one is for the people the workshop let in.
 */
async function load(id: string): Promise<Loaded> {
  const record = await fetchDecision(id)
  if (!record.ok) return { kind: 'failed', status: record.status, message: record.message }
  const member = credentialFor(localStorage, record.value.source.roomId, 'links.read')
  const board = await fetchBoardAtDecision(id, member?.token ?? null)
  if (!board.ok) {
    if (board.error === 'snapshot_not_found') return { kind: 'none', record: record.value }
    if (board.status === 401) return { kind: 'locked', record: record.value }
    return { kind: 'failed', status: board.status, message: board.message }
  }
  const kept = keptBoardStore(board.value.state)
  if (!kept.ok) return { kind: 'failed', status: 0, message: kept.error }
  return {
    kind: 'kept',
    record: record.value,
    store: kept.store,
    day: keptOn(board.value.takenAt, record.value),
  }
}

/**
 * `/decisions/DR-12/board`: the board as it was when DR-12 was accepted (rec:BS1) — read-only, at
 * the region the decision came from, saying so above it, with a link to the board as it is now and
 * its image to download, drawn from the kept board itself. Says plainly when none was kept.
 */
export function DecisionBoardPage({ id }: { id: string }) {
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null)
  const key = `${id}#${attempt}`

  useEffect(() => {
    let live = true
    void load(id).then((value) => {
      if (live) setLoaded({ key, value })
    })
    return () => {
      live = false
    }
  }, [id, key])

  useEffect(() => {
    document.title = `${id}: the board when it was accepted · Accord`
  }, [id])

  const current = loaded?.key === key ? loaded.value : null
  return (
    <div className="log-page kept-board">
      <RecordsHeader current={null} />
      <main className="kept-board__main">
        <p className="log-back">
          <Link href={decisionPath(id)}>← {id}</Link>
        </p>
        {!current ? (
          <p role="status" aria-busy="true">
            Loading the board kept with {id}…
          </p>
        ) : current.kind === 'failed' ? (
          <div className="log-problem" role="alert" data-testid="kept-board-missing">
            <h1>
              {current.status === 404
                ? `No decision ${id}`
                : `The board of ${id} could not be loaded`}
            </h1>
            <p>{current.message}</p>
            {current.status !== 404 && (
              <button className="button" type="button" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            )}
          </div>
        ) : current.kind === 'locked' ? (
          <div className="log-problem" role="note" data-testid="kept-board-locked">
            <h1>The board of {id} is for the people of its workshop</h1>
            <p>
              Open the workshop with the link you were given (any role will do), then come back
              here: like the live board, the board kept with a decision is shown to the people the
              workshop let in.
            </p>
            <LiveBoardLink record={current.record} />
          </div>
        ) : current.kind === 'none' ? (
          <div className="log-problem" role="note" data-testid="kept-board-none">
            <h1>No snapshot of the board was kept for {id}</h1>
            <p>{noBoardKept(current.record)}</p>
            <LiveBoardLink record={current.record} />
          </div>
        ) : (
          <KeptBoard record={current.record} store={current.store} day={current.day} />
        )}
      </main>
    </div>
  )
}

function KeptBoard(props: { record: DecisionRecord; store: TLStore; day: string }) {
  const { record } = props
  const [editor, setEditor] = useState<Editor | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  async function download(format: ImageFormat) {
    if (!editor) return
    setBusy(true)
    setMessage(null)
    try {
      const fileName = boardFileName(`${record.id} board when accepted`, format)
      saveFile(await boardImage(editor, format), fileName)
      setMessage({ text: `Downloaded ${fileName}`, error: false })
    } catch (error) {
      const reason = error instanceof Error && error.message ? error.message : 'unknown error'
      setMessage({ text: `Export failed: ${reason}`, error: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section className="kept-board__banner" data-testid="kept-board-banner">
        <h1 data-testid="kept-board-title">
          The board as it was when {record.id} was accepted on {formatDay(props.day)}
        </h1>
        <p className="log-muted">{record.title} — read-only. The board may have changed since.</p>
        <div className="log-record__actions">
          <LiveBoardLink record={record} />
          {(['png', 'svg'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              disabled={!editor || busy}
              data-testid={`kept-board-download-${format}`}
              onClick={() => void download(format)}
            >
              Download image ({format.toUpperCase()})
            </button>
          ))}
        </div>
        {message && (
          <p
            className={message.error ? 'form-error' : 'log-muted'}
            role={message.error ? 'alert' : 'status'}
            data-testid="kept-board-message"
          >
            {message.text}
          </p>
        )}
      </section>
      <KeptBoardCanvas store={props.store} shapeIds={record.source.shapeIds} onEditor={setEditor} />
    </>
  )
}

/** The board as it is now, at the record's region — unless its room is gone. */
function LiveBoardLink({ record }: { record: DecisionRecord }) {
  if (!record.source.roomId) return null
  return (
    <Link
      className="button button--primary"
      href={boardLinkOf(record)}
      data-testid="kept-board-live"
    >
      Open the board as it is now
    </Link>
  )
}
