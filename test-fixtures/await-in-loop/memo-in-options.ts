// A client per storage account, made once and kept in a map the function holds, handed to a helper of the file in an options
// object: the helper fills the map on a miss, so started together two files of one account would both make a client. A helper
// that only reads the map it is handed changes nothing the next call sees.
interface StorageAccount {
  id: string;
  token: string;
}

interface StorageClient {
  download(fileId: string): Promise<Uint8Array>;
}

interface SelectedFile {
  accountId: string;
  fileId: string;
}

declare function connectStorage(account: StorageAccount): Promise<StorageClient>;

async function clientFor({ account, clients }: { account: StorageAccount; clients: Map<string, StorageClient> }): Promise<StorageClient> {
  const known = clients.get(account.id);
  if (known) return known;
  const client = await connectStorage(account);
  clients.set(account.id, client);
  return client;
}

async function knownClient({ account, clients }: { account: StorageAccount; clients: Map<string, StorageClient> }): Promise<StorageClient | undefined> {
  return clients.get(account.id) ?? (await connectStorage(account));
}

export async function downloadSelected(accounts: Map<string, StorageAccount>, files: SelectedFile[]): Promise<Uint8Array[]> {
  const clients = new Map<string, StorageClient>();
  const contents: Uint8Array[] = [];
  for (const file of files) {
    const account = accounts.get(file.accountId);
    if (!account) continue;
    const client = await clientFor({ account, clients });
    contents.push(await client.download(file.fileId));
  }
  return contents;
}

export async function downloadWithKnownClients(
  accounts: Map<string, StorageAccount>,
  clients: Map<string, StorageClient>,
  files: SelectedFile[],
): Promise<Uint8Array[]> {
  const contents: Uint8Array[] = [];
  for (const file of files) {
    const account = accounts.get(file.accountId);
    if (!account) continue;
    const client = await knownClient({ account, clients });
//                 ^^^^^ await-in-loop
    if (client) contents.push(await client.download(file.fileId));
  }
  return contents;
}
