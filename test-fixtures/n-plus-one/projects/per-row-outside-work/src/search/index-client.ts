// valid
/** Removes a tenant's documents from the search service. */
export async function dropSearchTenant(tenantId: string): Promise<void> {
  await fetch(`https://search.internal/tenants/${encodeURIComponent(tenantId)}`, { method: 'DELETE' });
}
