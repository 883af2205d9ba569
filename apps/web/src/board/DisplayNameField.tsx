import { useState } from 'react'
import { sendCommand } from '../api/rooms'
import { MAX_DISPLAY_NAME, normaliseDisplayName } from './current-user'
import { loadAccess, rememberName, saveAccess, type StoredMember } from './room-access'

/** The name shown next to this person's cursor; the server records it (`member.rename`). */
export function DisplayNameField(props: {
  roomId: string
  member: StoredMember
  onRenamed: (name: string) => void
}) {
  const [saved, setSaved] = useState(props.member.name)
  const [error, setError] = useState<string | null>(null)

  async function commit(input: HTMLInputElement) {
    const name = normaliseDisplayName(input.value)
    if (name === '' || name === saved) {
      input.value = saved
      return
    }
    const result = await sendCommand(props.roomId, props.member.token, {
      type: 'member.rename',
      name,
    })
    if (!result.ok) {
      setError(result.message)
      input.value = saved
      return
    }
    setError(null)
    setSaved(name)
    rememberName(localStorage, name)
    const access = loadAccess(localStorage, props.roomId)
    if (access.member)
      saveAccess(localStorage, props.roomId, { ...access, member: { ...access.member, name } })
    props.onRenamed(name)
  }

  return (
    <label className="display-name" title={error ?? undefined}>
      <span className="display-name__label">Your name</span>
      <input
        key={saved}
        data-testid="display-name"
        defaultValue={saved}
        maxLength={MAX_DISPLAY_NAME}
        aria-invalid={error !== null}
        onBlur={(event) => void commit(event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
        }}
      />
    </label>
  )
}
