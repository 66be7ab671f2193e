/** Whether a specifier names a file of the project by its form alone (relative, absolute, or a common alias prefix). */
export function isLocalModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('#');
}
