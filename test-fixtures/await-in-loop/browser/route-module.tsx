// A route module of a page: its loader and action (also through a wrapper) run on the server and are reported; the component's handler runs in the page.
import { useState } from 'react';
import { useLoaderData } from '@remix-run/react';

interface Item {
  id: string;
  name: string;
}

declare function loadItem(id: string): Promise<Item>;
declare function renameItem(id: string, name: string): Promise<void>;
declare function requireUser<T>(handler: (args: { request: Request }) => Promise<T>): (args: { request: Request }) => Promise<T>;

export async function loader({ request }: { request: Request }) {
  const items: Item[] = [];
  for (const id of new URL(request.url).searchParams.getAll('id')) {
    items.push(await loadItem(id));
    //         ^^^^^ await-in-loop
  }
  return Response.json(items);
}

export const action = requireUser(async ({ request }) => {
  const form = await request.formData();
  for (const id of form.getAll('id')) {
    await renameItem(String(id), String(form.get('name')));
  //^^^^^ await-in-loop
  }
  return null;
});

export default function ItemsRoute() {
  const items = useLoaderData<typeof loader>() as Item[];
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    for (const item of items) {
      await loadItem(item.id);
    }
    setBusy(false);
  };
  return (
    <button disabled={busy} onClick={() => void refresh()}>
      Refresh {items.length}
    </button>
  );
}
