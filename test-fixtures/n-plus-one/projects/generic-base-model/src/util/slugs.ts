// valid
export function assertSlug(value: string) {
  if (!/^[a-z0-9-]+$/.test(value)) throw new Error(`Not a slug: ${value}`);
}
