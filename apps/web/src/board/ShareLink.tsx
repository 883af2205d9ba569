import { useState } from 'react'

/** The board's link, visible and one click from the clipboard. */
export function ShareLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)

  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      // Clipboard blocked (insecure origin or permissions): the link stays selectable.
      setCopied(false)
    }
  }

  return (
    <div className="share">
      <label className="visually-hidden" htmlFor="share-link">
        Share link
      </label>
      <input
        id="share-link"
        className="share__link"
        data-testid="share-link"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button type="button" className="button button--primary" onClick={() => void copy()}>
        {copied ? 'Copied!' : 'Copy link'}
      </button>
    </div>
  )
}
