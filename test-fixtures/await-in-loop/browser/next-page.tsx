// A page with its data function: getServerSideProps runs on the server and is reported; the page's handler runs in the browser.
import { useState } from 'react';

declare function fetchService(id: string): Promise<{ id: string; name: string }>;
declare function deployService(id: string): Promise<void>;

export async function getServerSideProps({ query }: { query: { ids: string[] } }) {
  const services: Array<{ id: string; name: string }> = [];
  for (const id of query.ids) {
    services.push(await fetchService(id));
    //            ^^^^^ await-in-loop
  }
  return { props: { services } };
}

export default function ServicesPage({ services }: { services: Array<{ id: string; name: string }> }) {
  const [deployed, setDeployed] = useState(0);
  const deployAll = async () => {
    for (const service of services) {
      await deployService(service.id);
      setDeployed((count) => count + 1);
    }
  };
  return (
    <button onClick={() => void deployAll()}>
      Deploy ({deployed}/{services.length})
    </button>
  );
}
