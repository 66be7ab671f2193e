// valid
export function renderTitle(title: string): string {
  return title.trim();
}
