export { tldraw5Note, tldraw5Schema } from './tldraw-5-board.js'
