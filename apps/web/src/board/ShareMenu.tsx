import { can, type Role, roles } from '@accord/facilitation'
import { useRef, useState } from 'react'
import { sendCommand, type ShareLinks } from '../api/rooms'
import type { StoredMember } from './room-access'
import { useDismiss } from '../app/use-dismiss'

const describe: Record<Role, string> = {
  facilitator: 'Facilitator — steers the workshop',
  participant: 'Participants — write, draw and vote',
  viewer: 'Viewers — watch only',
}

/** The board's share links this person may see, to copy — and, for the facilitator, to replace. */
export function ShareMenu(props: {
  roomId: string
  member: StoredMember
  links: ShareLinks | null
}) {
  const [open, setOpen] = useState(false)
  const [links, setLinks] = useState(props.links)
  const [message, setMessage] = useState<string | null>(null)
  const panel = useRef<HTMLDivElement>(null)
  const facilitates = can(props.member.role, 'room.facilitate')

  useDismiss(open, panel, () => setOpen(false))

  async function copy(role: Role, url: string) {
    try {
      await navigator.clipboard.writeText(url)
      setMessage(`${role} link copied`)
    } catch {
      setMessage('Copying is blocked here: select the link and copy it')
    }
  }

  async function replace(role: Role) {
    const sure = window.confirm(
      `Replace the ${role} link? The current one stops working, and people who joined with it are signed out until they get the new one.`,
    )
    if (!sure) return
    const result = await sendCommand(props.roomId, props.member.token, {
      type: 'token.rotate',
      role,
    })
    if (!result.ok) return setMessage(result.message)
    setLinks(result.value.links)
    setMessage(`New ${role} link ready`)
  }

  return (
    <div className="share" ref={panel}>
      <button
        type="button"
        className="button button--primary"
        aria-expanded={open}
        data-testid="share-button"
        onClick={() => setOpen(!open)}
      >
        Share
      </button>
      {open && (
        <div className="share__panel" role="dialog" aria-label="Share this board">
          {links === null && <p>Share links are shown when Accord is reachable.</p>}
          {links &&
            roles
              .filter((role) => links[role])
              .map((role) => (
                <div className="share__row" key={role}>
                  <label htmlFor={`share-${role}`}>{describe[role]}</label>
                  <div className="share__controls">
                    <input
                      id={`share-${role}`}
                      className="share__link"
                      data-testid={`share-link-${role}`}
                      readOnly
                      value={links[role]}
                      onFocus={(event) => event.currentTarget.select()}
                    />
                    <button
                      type="button"
                      className="button"
                      onClick={() => void copy(role, links[role] ?? '')}
                    >
                      Copy
                    </button>
                    {facilitates && (
                      <button
                        type="button"
                        className="button button--quiet"
                        data-testid={`rotate-${role}`}
                        onClick={() => void replace(role)}
                      >
                        Replace link
                      </button>
                    )}
                  </div>
                </div>
              ))}
          <p className="share__message" role="status" aria-live="polite">
            {message}
          </p>
        </div>
      )}
    </div>
  )
}
