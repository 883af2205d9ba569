/**
 * Pieces the template panels share: titled sections (and sections that follow the phases), links
 * to the board, the action items.
 */
import type { ReactNode } from 'react'
import type { Editor } from 'tldraw'
import { formatDue } from '../facilitation/ActionBadges'
import { showShape } from '../facilitation/show-shape'

export function PanelSection(props: {
  title: string
  /** Shown after the title, e.g. how many items. */
  count?: number
  testId?: string
  children: ReactNode
}) {
  return (
    <section className="workshop-section" data-testid={props.testId}>
      <h3 className="workshop-section__title">
        {props.title}
        {props.count !== undefined && <span className="workshop-count">{props.count}</span>}
      </h3>
      {props.children}
    </section>
  )
}

/**
 * A section of a panel whose parts follow the phases, e.g. the proposal or the risk register:
 * marked active while the current phase is about it (see `useScrollToActive`).
 */
export function PhaseSection(props: {
  className: string
  title: string
  active: boolean
  testId: string
  children: ReactNode
}) {
  return (
    <section
      className={props.className}
      aria-label={props.title}
      data-active={props.active}
      data-testid={props.testId}
    >
      <h3>{props.title}</h3>
      {props.children}
    </section>
  )
}

/** Text that brings a shape into view on the board when chosen. */
export function ShowOnBoard(props: {
  editor: Editor
  shapeId: string | null
  className?: string
  testId?: string
  children: ReactNode
}) {
  const { editor, shapeId } = props
  if (shapeId === null) return <span className={props.className}>{props.children}</span>
  return (
    <button
      type="button"
      className={`workshop-link ${props.className ?? ''}`}
      data-testid={props.testId}
      title="Show on the board"
      onClick={() => showShape(editor, shapeId)}
    >
      {props.children}
    </button>
  )
}

export interface PanelAction {
  readonly shapeId: string
  readonly text: string
  readonly ownerName: string
  readonly due: string | null
}

/** The workshop's action items, each with its one owner (and due date). */
export function ActionList(props: { editor: Editor; actions: readonly PanelAction[] }) {
  return (
    <PanelSection title="Action items" count={props.actions.length} testId="workshop-actions">
      {props.actions.length === 0 ? (
        <p className="form-hint">
          None yet. Select a note on the board and choose “Action item” to give it an owner.
        </p>
      ) : (
        <ul className="workshop-list">
          {props.actions.map((action) => (
            <li key={action.shapeId} data-testid="workshop-action">
              <ShowOnBoard editor={props.editor} shapeId={action.shapeId}>
                {action.text || 'Empty note'}
              </ShowOnBoard>
              <span className="workshop-owner" data-testid="workshop-action-owner">
                {action.ownerName}
                {action.due ? ` · ${formatDue(action.due)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  )
}

/** A list of a region's notes (or any notes), each leading to the note on the board. */
export function NoteList(props: {
  editor: Editor
  notes: readonly { readonly id: string; readonly text: string }[]
  empty: string
  testId?: string
}) {
  if (props.notes.length === 0) return <p className="form-hint">{props.empty}</p>
  return (
    <ul className="workshop-list workshop-list--notes">
      {props.notes.map((note) => (
        <li key={note.id} data-testid={props.testId}>
          <ShowOnBoard editor={props.editor} shapeId={note.id}>
            {note.text || 'Empty note'}
          </ShowOnBoard>
        </li>
      ))}
    </ul>
  )
}
