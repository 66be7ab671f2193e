// Server code that renders JSX: an async server component, a server action written inline or inside a
// component, and an image route are still reported.
import { ImageResponse } from 'next/og';

interface Report {
  id: string;
  title: string;
}

declare function loadReport(id: string): Promise<Report>;
declare function saveTag(name: string): Promise<void>;
declare function fetchAvatar(id: string): Promise<string>;

export default async function ReportsPage({ ids }: { ids: string[] }) {
  const reports: Report[] = [];
  for (const id of ids) {
    reports.push(await loadReport(id));
    //           ^^^^^ await-in-loop
  }
  return (
    <form
      action={async (data: FormData) => {
        'use server';
        for (const name of data.getAll('tag')) {
          await saveTag(String(name));
        //^^^^^ await-in-loop
        }
      }}
    >
      {reports.map((report) => (
        <p key={report.id}>{report.title}</p>
      ))}
    </form>
  );
}

export function TagEditor({ names }: { names: string[] }) {
  async function saveAll() {
    'use server';
    for (const name of names) {
      await saveTag(name);
    //^^^^^ await-in-loop
    }
  }
  return (
    <form action={saveAll}>
      <button type="submit">Save</button>
    </form>
  );
}

export async function GET(request: Request) {
  const avatars: string[] = [];
  for (const id of new URL(request.url).searchParams.getAll('user')) {
    avatars.push(await fetchAvatar(id));
    //           ^^^^^ await-in-loop
  }
  return new ImageResponse(
    (
      <div>
        {avatars.map((src) => (
          <img key={src} src={src} alt="" />
        ))}
      </div>
    ),
  );
}
