import { Link } from '../app/Link'
import { actionItemsPath, decisionLogPath } from '../app/routes'
import { SessionLink } from '../signin/SessionLink'

/** The header of the record pages: home, and the two cross-workshop views. */
export function RecordsHeader({ current }: { current: 'decisions' | 'actions' | null }) {
  const item = (page: 'decisions' | 'actions', href: string, label: string) => (
    <li>
      <Link
        href={href}
        className="log-nav__link"
        {...(current === page ? { 'aria-current': 'page' as const } : {})}
      >
        {label}
      </Link>
    </li>
  )
  return (
    <header className="log-header">
      <Link className="brand" href="/" aria-label="Accord home">
        Accord
      </Link>
      <nav aria-label="Records" className="log-nav">
        <ul>
          {item('decisions', decisionLogPath, 'Decision log')}
          {item('actions', actionItemsPath, 'Action items')}
        </ul>
      </nav>
      <Link className="button button--quiet log-header__new" href="/">
        New workshop
      </Link>
      <SessionLink />
    </header>
  )
}

/** A date (YYYY-MM-DD) or instant as people read it here. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00`)
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

export function formatInstant(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
