// First: zod must not probe for eval, which the Content-Security-Policy forbids.
import './no-eval'
import 'tldraw/tldraw.css'
// Each area's styles live beside it, imported in the order their rules cascade: base first.
import './styles.css'
import './home/home.css'
import './board/board.css'
import './facilitation/facilitation.css'
import './workshop/workshop.css'
import './home/gallery.css'
import './records-export/records-export.css'
import './decisions/decisions.css'
import './decisions/board-at-decision.css'
import './board/focus-param.css'
import './action-items/action-items.css'
import './signin/signin.css'
import './licenses/licenses.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
