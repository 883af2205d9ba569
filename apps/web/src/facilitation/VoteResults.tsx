import type { PublicVote } from '@accord/facilitation'
import type { Editor } from 'tldraw'
import { showShape } from './show-shape'
import { SidePanel } from '../app/SidePanel'

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
    <SidePanel
      title="Vote results"
      closeLabel="Close results"
      onClose={props.onClose}
      testId="vote-results"
    >
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
    </SidePanel>
  )
}
