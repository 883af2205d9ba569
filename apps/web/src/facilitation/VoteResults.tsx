import type { PublicVote } from '@accord/facilitation'
import type { Editor } from 'tldraw'
import { showShape } from './show-shape'

/** The closed vote's items, ranked; choosing one brings it into view. */
export function VoteResults(props: {
  vote: PublicVote
  editor: Editor | null
  onClose: () => void
}) {
  const { vote, editor } = props
  const show = (id: string) => {
    if (editor) showShape(editor, id)
  }
  return (
    <aside
      className="side-panel"
      aria-label="Vote results"
      data-testid="vote-results"
      data-over-canvas="right"
    >
      <header className="side-panel__header">
        <h2>Vote results</h2>
        <button
          type="button"
          className="button button--quiet"
          aria-label="Close results"
          onClick={props.onClose}
        >
          ✕
        </button>
      </header>
      <p className="form-hint">
        {vote.voters ?? 0} {vote.voters === 1 ? 'person' : 'people'} voted, {vote.dotsPerPerson}{' '}
        dots each.
      </p>
      <ol className="results">
        {(vote.results ?? []).map((result) => (
          <li key={result.itemId}>
            <button type="button" className="results__item" onClick={() => show(result.itemId)}>
              <span className="results__rank">{result.rank}</span>
              <span className="results__label">{result.label}</span>
              <span className="results__dots" data-testid="result-dots">
                {result.dots}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  )
}
