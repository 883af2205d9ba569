import type { RefusalReason } from './room-entry'

const messages: Record<RefusalReason, { title: string; body: string }> = {
  'no-link': {
    title: 'You need a link to this board',
    body: 'Ask the facilitator for the board’s share link and open it in this browser.',
  },
  'link-invalid': {
    title: 'This link no longer works',
    body: 'The facilitator may have replaced it with a new one. Ask them for the current link.',
  },
  'not-found': {
    title: 'Board not found',
    body: 'This board does not exist, or its link is incomplete.',
  },
  incompatible: {
    title: 'This board cannot be opened here',
    body: 'It was saved by a newer version of Accord’s board editor than this server runs. The decisions and action items it recorded are still in the decision log; the board itself opens only with that version.',
  },
  offline: {
    title: 'Cannot reach Accord',
    body: 'Check your connection and reload. Boards you have joined before open offline.',
  },
}

export function RefusedPage({ reason }: { reason: RefusalReason }) {
  const message = messages[reason]
  return (
    <main className="centered-page" data-testid="refused" data-reason={reason}>
      <h1>{message.title}</h1>
      <p>{message.body}</p>
      <a className="button button--primary" href="/">
        Go to the home page
      </a>
    </main>
  )
}
