// valid
/** The package's public surface. */
export * as Charts from './charts/index.js'
export * from './core/index.js'
