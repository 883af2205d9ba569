import type { SimilarDecision } from '@accord/records'
import { useEffect, useState } from 'react'
import { fetchSimilarDecisions } from '../api/records'
import { Link } from '../app/Link'
import { decisionPath } from '../app/routes'
import { formatDay } from './RecordsHeader'

/** How long the text must rest before the guard asks (each keystroke would be a search). */
const QUIET_MS = 500

/**
 * How much of the text is sent: its first words say what it is about (the server searches by at
 * most 30), and the address stays far below what a server takes in a request line.
 */
const SENT_CHARACTERS = 1000

/**
 * The re-litigation guard (rec:SG1) under a proposal being written, on any board: the accepted
 * decisions it resembles — "DR-12 decided this on 3 Mar 2026; revisit it?" — each a link to its
 * record, where it can be superseded. Nothing while the text is short or resembles nothing.
 */
export function SimilarDecisions(props: { text: string; testId?: string }) {
  const [found, setFound] = useState<readonly SimilarDecision[]>([])
  const text = props.text.trim()
  const short = text.length < 3
  useEffect(() => {
    if (short) return
    let stale = false
    const timer = setTimeout(() => {
      void fetchSimilarDecisions(text.slice(0, SENT_CHARACTERS)).then((answer) => {
        if (!stale) setFound(answer.ok ? answer.value : [])
      })
    }, QUIET_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [text, short])

  if (short || found.length === 0) return null
  return (
    <aside
      className="similar-decisions"
      aria-label="Decisions already taken"
      data-testid={props.testId ?? 'similar-decisions'}
    >
      <p className="similar-decisions__lead">Already decided? Accepted decisions like this one:</p>
      <ul>
        {found.map(({ record, shared }) => (
          <li
            key={record.id}
            data-testid="similar-decision"
            title={`In common: ${shared.join(', ')}`}
          >
            <Link href={decisionPath(record.id)}>{record.id}</Link> decided “{record.title}” on{' '}
            {formatDay(record.date)}; revisit it?
          </li>
        ))}
      </ul>
    </aside>
  )
}
