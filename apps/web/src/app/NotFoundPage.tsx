export function NotFoundPage({
  message = 'There is nothing at this address.',
}: {
  message?: string
}) {
  return (
    <main className="centered-page" data-testid="not-found">
      <h1>Not found</h1>
      <p>{message}</p>
      <a className="button button--primary" href="/">
        Create a board
      </a>
    </main>
  )
}
