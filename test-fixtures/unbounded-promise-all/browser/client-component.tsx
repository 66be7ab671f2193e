// valid
'use client';
// A Next.js client component: its calls run in the browser.

declare function archive(id: string): Promise<void>;

export function ArchiveButton({ ids }: { ids: string[] }) {
  return <button onClick={() => void Promise.all(ids.map((id) => archive(id)))}>Archive</button>;
}
