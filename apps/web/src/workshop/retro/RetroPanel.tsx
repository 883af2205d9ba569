import { type RetroResult, retroLimits } from '@accord/templates'
import { useState } from 'react'
import { formatDue } from '../../facilitation/ActionBadges'
import type { TemplatePanelProps } from '../panel-props'
import { ActionList, NoteList, PanelSection, ShowOnBoard } from '../panel-parts'
import { discussing, reviewStatuses, themeRows, upNext, voteNote } from './retro-view'
import { useBoardIndex } from '../use-board-index'

/**
 * A retrospective's state: its format, the review of the last retro's actions, the notes in each
 * column, the themes in vote order with the one under discussion, and the actions with owners.
 * The facilitator reviews the actions and leads the discussion from here.
 */
export function RetroPanel(props: TemplatePanelProps<RetroResult>) {
  const { editor, facilitates, send, state } = props
  const { result } = props
  const board = useBoardIndex(editor)
  const current = discussing(state)
  const rows = themeRows(result, current)
  const next = upNext(result)
  const [openColumn, setOpenColumn] = useState<string | null>(null)

  return (
    <div className="workshop-body retro-panel" data-testid="retro-panel">
      <p className="workshop-meta" data-testid="retro-format">
        {result.format.name}
        {result.team ? ` · ${result.team}` : ''}
      </p>

      {result.review.length > 0 && (
        <PanelSection title="Last retro’s actions" testId="retro-review">
          {result.previous && <p className="form-hint">From “{result.previous.title}”.</p>}
          <ul className="workshop-list">
            {result.review.map((item, index) => (
              <li key={index} data-testid="review-item" data-status={item.status}>
                <span className="workshop-list__text">{item.text}</span>
                <span className="workshop-owner">
                  {item.ownerName}
                  {item.due ? ` · ${formatDue(item.due)}` : ''}
                </span>
                {facilitates ? (
                  <span className="workshop-choices" role="group" aria-label="Review">
                    {reviewStatuses.map(({ status, label }) => (
                      <button
                        key={status}
                        type="button"
                        className="workshop-chip"
                        aria-pressed={item.status === status}
                        data-testid={`review-${status}`}
                        onClick={() => void send({ type: 'review.mark', index, status })}
                      >
                        {label}
                      </button>
                    ))}
                  </span>
                ) : (
                  <span className={`workshop-status workshop-status--${item.status}`}>
                    {reviewStatuses.find((s) => s.status === item.status)?.label}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </PanelSection>
      )}

      <PanelSection title="Columns" testId="retro-columns">
        <ul className="workshop-list">
          {result.columns.map((column) => {
            const notes = board.notes.get(column.key) ?? []
            const open = openColumn === column.key
            return (
              <li key={column.key} data-testid="retro-column" data-region={column.key}>
                <div className="workshop-row">
                  <ShowOnBoard editor={editor} shapeId={board.frames.get(column.key) ?? null}>
                    {column.title}
                  </ShowOnBoard>
                  <button
                    type="button"
                    className="workshop-count workshop-count--button"
                    aria-expanded={open}
                    aria-label={`${column.notes.length} notes in ${column.title}`}
                    data-testid="retro-column-count"
                    onClick={() => setOpenColumn(open ? null : column.key)}
                  >
                    {column.notes.length}
                  </button>
                </div>
                {open && <NoteList editor={editor} notes={notes} empty="No notes yet." />}
              </li>
            )
          })}
        </ul>
      </PanelSection>

      <PanelSection title="Themes" count={rows.length} testId="retro-themes">
        <p className="form-hint" data-testid="retro-vote-note">
          {voteNote(state, result)}
        </p>
        {facilitates && rows.length > 0 && (
          <div className="workshop-controls">
            <button
              type="button"
              className="button button--primary"
              data-testid="theme-next"
              disabled={next === null}
              title={next ? `Discuss “${next.name}”` : 'Every theme has been discussed'}
              onClick={() => next && void send({ type: 'theme.discuss', themeId: next.id })}
            >
              {next ? 'Next theme' : 'All discussed'}
            </button>
            {current !== null && (
              <button
                type="button"
                className="button button--quiet"
                data-testid="theme-stop"
                onClick={() => void send({ type: 'theme.discuss', themeId: null })}
              >
                Stop discussing
              </button>
            )}
          </div>
        )}
        {rows.length === 0 ? (
          <p className="form-hint">
            No themes yet. Select related notes on the board, press Group and name the theme.
          </p>
        ) : (
          <ol className="workshop-list workshop-themes">
            {rows.map((theme) => (
              <li
                key={theme.id}
                className={`workshop-theme workshop-theme--${theme.status}`}
                data-testid="retro-theme"
                data-theme-id={theme.id}
                data-status={theme.status}
              >
                <div className="workshop-row">
                  <span className="workshop-rank">{theme.rank ?? '–'}</span>
                  <ShowOnBoard
                    editor={editor}
                    shapeId={theme.id}
                    className="workshop-theme__name"
                    testId="retro-theme-name"
                  >
                    {theme.name}
                  </ShowOnBoard>
                  <span className="workshop-dots" data-testid="theme-dots">
                    {theme.dots === null
                      ? ''
                      : `${theme.dots} ${theme.dots === 1 ? 'dot' : 'dots'}`}
                  </span>
                  {theme.status !== 'waiting' && (
                    <span className={`workshop-status workshop-status--${theme.status}`}>
                      {theme.status === 'discussing' ? 'Discussing' : 'Discussed'}
                    </span>
                  )}
                  {facilitates && theme.status !== 'discussing' && (
                    <button
                      type="button"
                      className="workshop-chip"
                      data-testid="theme-discuss"
                      onClick={() => void send({ type: 'theme.discuss', themeId: theme.id })}
                    >
                      Discuss
                    </button>
                  )}
                </div>
                <p className="workshop-theme__notes">
                  {theme.notes.length} {theme.notes.length === 1 ? 'note' : 'notes'}
                  {theme.notes.length > 0 ? `: ${theme.notes.join(' · ')}` : ''}
                </p>
                {theme.status === 'discussing' && facilitates ? (
                  <DiscussionNote
                    key={theme.id}
                    themeId={theme.id}
                    saved={theme.discussionNote}
                    send={send}
                  />
                ) : (
                  theme.discussionNote && (
                    <p className="workshop-discussion" data-testid="theme-note">
                      {theme.discussionNote}
                    </p>
                  )
                )}
              </li>
            ))}
          </ol>
        )}
      </PanelSection>

      <ActionList editor={editor} actions={result.actions} />
    </div>
  )
}

/** The facilitator's notes on what was said about the theme under discussion. */
function DiscussionNote(props: {
  themeId: string
  saved: string
  send: TemplatePanelProps['send']
}) {
  const [draft, setDraft] = useState(props.saved)
  const [saving, setSaving] = useState(false)
  const changed = draft.trim() !== props.saved
  async function save() {
    setSaving(true)
    await props.send({ type: 'theme.note', themeId: props.themeId, note: draft })
    setSaving(false)
  }
  return (
    <div className="workshop-discussion-edit">
      <textarea
        aria-label="What was said about this theme"
        data-testid="theme-note-input"
        rows={3}
        maxLength={retroLimits.note}
        placeholder="What was said, what we agreed…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button
        type="button"
        className="button"
        data-testid="theme-note-save"
        disabled={!changed || saving}
        onClick={() => void save()}
      >
        {changed ? 'Save note' : 'Saved'}
      </button>
    </div>
  )
}
