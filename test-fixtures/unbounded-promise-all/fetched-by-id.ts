// The lists of one object an API client or a helper fetches by the one id it is handed are that object's parts, as a
// row's are. Lists a call returns for a search, a parent's list call (`listTransactions`, `getMemberList`), or an object
// fetched by other than an id are still reported.
interface Requisition {
  id: string;
  accounts: string[];
}

interface BankClient {
  getMemberList(teamId: string): Promise<{ data: { id: string }[] }>;
  requisitions: { getRequisitionById(id: string): Promise<Requisition> };
  accounts: { getDetails(id: string): Promise<unknown>; listTransactions(accountId: string): Promise<{ transactions: { id: string }[] }> };
}

declare const client: BankClient;
declare function storeDetails(details: unknown): Promise<void>;
declare function searchDocuments(text: string): Promise<{ documents: { key: string }[] }>;
declare function loadFeed(url: string): Promise<{ items: { link: string }[] }>;
declare function archive(key: string): Promise<void>;

export async function linkAccounts(requisitionId: string): Promise<unknown[]> {
  const requisition = (await client.requisitions.getRequisitionById(requisitionId)) as Requisition;
  return Promise.all(requisition.accounts.map((accountId) => client.accounts.getDetails(accountId)));
}

export class BankLink {
  constructor(private readonly bank: BankClient) {}

  private async getRequisition(id: string): Promise<Requisition> {
    return this.bank.requisitions.getRequisitionById(id);
  }

  async refresh(input: { requisitionId: string }): Promise<void> {
    const { accounts } = await this.getRequisition(input.requisitionId);
    await Promise.all(accounts.map(async (accountId) => storeDetails(await this.bank.accounts.getDetails(accountId))));
  }
}

export async function importTransactions(accountId: string): Promise<void> {
  const page = await client.accounts.listTransactions(accountId);
  await Promise.all(page.transactions.map((transaction) => archive(transaction.id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function archiveMembers(teamId: string): Promise<void> {
  const members = await client.getMemberList(teamId);
  await Promise.all(members.data.map((member) => archive(member.id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function archiveMatches(text: string): Promise<void> {
  const result = await searchDocuments(text);
  await Promise.all(result.documents.map((document) => archive(document.key)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function archiveFeed(url: string): Promise<void> {
  const feed = await loadFeed(url);
  await Promise.all(feed.items.map((item) => archive(item.link)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
