/**
 * How the extension starts the language server's process. V8's optimizing compiler works on the
 * server's own thread, and the C library keeps two allocator arenas: the memory the compiler's
 * background threads otherwise leave with the allocator (docs/performance.md, §25 and §30) is not
 * taken. V8 and the C library read both only when a process starts, so the server cannot set
 * them for itself.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--no-concurrent-recompilation'];

/**
 * The server's environment on top of the editor's: a value the user set for the allocator stays,
 * and the server keeps its compiled code in the extension's storage, when the editor gives one.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv, storageFolder?: string): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2', ...(storageFolder && { PERF_LINT_CODE_CACHE: storageFolder }) };
}
