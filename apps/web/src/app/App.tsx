import { ActionItemsPage } from '../action-items/ActionItemsPage'
import { BoardPage } from '../board/BoardPage'
import { DecisionBoardPage } from '../decisions/DecisionBoardPage'
import { DecisionDetailPage } from '../decisions/DecisionDetailPage'
import { DecisionLogPage } from '../decisions/DecisionLogPage'
import { HomePage } from '../home/HomePage'
import { LicensesPage } from '../licenses/LicensesPage'
import { SignInPage } from '../signin/SignInPage'
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
    case 'decisions':
      return <DecisionLogPage />
    case 'decision':
      return <DecisionDetailPage key={route.id} id={route.id} />
    case 'decision-board':
      return <DecisionBoardPage key={route.id} id={route.id} />
    case 'actions':
      return <ActionItemsPage />
    case 'signin':
      return <SignInPage />
    case 'licenses':
      return <LicensesPage />
    case 'not-found':
      return <NotFoundPage />
  }
}
