// valid
export * from './helpers/timing.js'
export { type Maybe } from './helpers/types.js'
