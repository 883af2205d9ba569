import { type Editor, react, type Signal, type TLUser } from 'tldraw'

/**
 * Keeps this person's `user:` record in the board document, so that everyone's tldraw can show
 * who last wrote a note (tldraw resolves attribution from those records). Not part of anyone's
 * undo history.
 */
export function publishCurrentUser(editor: Editor, $user: Signal<TLUser | null>): () => void {
  return react('publish current user', () => {
    const user = $user.get()
    if (!user) return
    const stored = editor.store.get(user.id)
    if (stored?.name === user.name && stored.color === user.color) return
    editor.run(() => editor.store.put([user]), { history: 'ignore' })
  })
}
