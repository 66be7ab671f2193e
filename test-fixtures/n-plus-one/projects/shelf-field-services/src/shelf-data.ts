// valid
export function parseShelfData(raw: string | null): Record<string, unknown> {
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}
