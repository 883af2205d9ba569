import type { BlankResult } from '@accord/templates'
import type { TemplatePanelProps } from '../panel-props'
import { ActionList, PanelSection, ShowOnBoard } from '../panel-parts'

/** A blank board's state: its notes and groups, the latest vote and the action items. */
export function BlankPanel(props: TemplatePanelProps<BlankResult>) {
  const { editor, state } = props
  const { result } = props
  const vote = state.vote

  return (
    <div className="workshop-body blank-panel" data-testid="blank-panel">
      <p className="workshop-meta">
        {result.notes.length} {result.notes.length === 1 ? 'note' : 'notes'} on the board
      </p>

      <PanelSection title="Groups" count={result.groups.length} testId="blank-groups">
        {result.groups.length === 0 ? (
          <p className="form-hint">Select notes on the board and press Group to make one.</p>
        ) : (
          <ul className="workshop-list">
            {result.groups.map((group) => (
              <li key={group.id} data-testid="blank-group">
                <div className="workshop-row">
                  <ShowOnBoard editor={editor} shapeId={group.id}>
                    {group.name}
                  </ShowOnBoard>
                  <span className="workshop-count">{group.notes.length}</span>
                </div>
                {group.notes.length > 0 && (
                  <p className="workshop-theme__notes">{group.notes.join(' · ')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      <PanelSection title="Vote" testId="blank-vote">
        {!vote ? (
          <p className="form-hint">No vote yet.</p>
        ) : vote.status === 'open' ? (
          <p className="form-hint">
            Open: {vote.items.length} {vote.items.length === 1 ? 'item' : 'items'},{' '}
            {vote.dotsPerPerson} dots each. Tallies show when it closes.
          </p>
        ) : (
          <>
            {result.vote && (
              <p className="form-hint">
                {result.vote.voters} {result.vote.voters === 1 ? 'person' : 'people'} voted,{' '}
                {result.vote.dotsPerPerson} dots each.
              </p>
            )}
            <ol className="workshop-list">
              {(vote.results ?? []).map((item) => (
                <li key={item.itemId} data-testid="blank-vote-result">
                  <div className="workshop-row">
                    <span className="workshop-rank">{item.rank}</span>
                    <ShowOnBoard editor={editor} shapeId={item.itemId}>
                      {item.label}
                    </ShowOnBoard>
                    <span className="workshop-dots">
                      {item.dots} {item.dots === 1 ? 'dot' : 'dots'}
                    </span>
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </PanelSection>

      <ActionList editor={editor} actions={result.actions} />
    </div>
  )
}
