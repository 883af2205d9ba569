import { describeLimitersContract } from '../testing/limiters-contract.js'
import { memoryLimiters } from './limiters.js'

describeLimitersContract('in memory', async () => {
  const limiters = memoryLimiters()
  return { a: limiters, b: limiters, close: async () => {} }
})
