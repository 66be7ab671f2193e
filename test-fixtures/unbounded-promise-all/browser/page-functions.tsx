// A page's own functions in a file that imports no hook: a handler written as a JSX attribute runs in the page;
// an async server component and a server action it declares run on the server, and are reported.
declare function archive(id: string): Promise<void>;
declare function loadCard(id: string): Promise<{ id: string; title: string }>;

export function ArchiveSelected({ ids }: { ids: string[] }) {
  return <button onClick={() => void Promise.all(ids.map((id) => archive(id)))}>Archive {ids.length}</button>;
}

export default async function Board({ ids }: { ids: string[] }) {
  const cards = await Promise.all(ids.map((id) => loadCard(id)));
  //                  ^^^^^^^^^^^ unbounded-promise-all
  async function archiveAll() {
    'use server';
    await Promise.all(ids.map((id) => archive(id)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }
  return (
    <form action={archiveAll}>
      {cards.map((card) => (
        <p key={card.id}>{card.title}</p>
      ))}
    </form>
  );
}
