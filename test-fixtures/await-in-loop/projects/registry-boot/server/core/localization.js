/* global APP */

module.exports = {
  /** Only the kernel's post-boot sequence calls it. */
  async loadAllNamespaces() {
    const namespaces = await APP.lang.listStaleNamespaces()
    for (const namespace of namespaces) {
      await downloadNamespace(namespace)
    }
  },
  /** A timer calls it every hour. */
  async refreshNamespaceCache() {
    const namespaces = await APP.lang.listStaleNamespaces()
    for (const namespace of namespaces) {
      await downloadNamespace(namespace)
//    ^^^^^ await-in-loop
    }
  },
}

async function downloadNamespace(namespace) {
  const response = await fetch(`${APP.config.lang.url}/${namespace.code}.json`)
  return response.json()
}
