import { getUserPreferences, useValue } from 'tldraw'
import { MAX_DISPLAY_NAME, setDisplayName } from './current-user'

/** The name shown next to this person's cursor on everyone else's screen. */
export function DisplayNameField() {
  const saved = useValue('display name', () => getUserPreferences().name ?? '', [])
  return (
    <label className="display-name">
      <span className="display-name__label">Your name</span>
      <input
        // Remounts with the saved name whenever it changes elsewhere (another tab, tldraw's menu).
        key={saved}
        data-testid="display-name"
        defaultValue={saved}
        maxLength={MAX_DISPLAY_NAME}
        onBlur={(event) => {
          setDisplayName(event.currentTarget.value)
          event.currentTarget.value = getUserPreferences().name ?? ''
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
        }}
      />
    </label>
  )
}
