import { BoardPage } from '../board/BoardPage'
import { HomePage } from '../home/HomePage'
import { usePathname } from './navigation'
import { NotFoundPage } from './NotFoundPage'
import { matchRoute } from './routes'

export function App() {
  const route = matchRoute(usePathname())
  switch (route.name) {
    case 'home':
      return <HomePage />
    case 'board':
      return <BoardPage key={route.roomId} roomId={route.roomId} />
    case 'not-found':
      return <NotFoundPage />
  }
}
