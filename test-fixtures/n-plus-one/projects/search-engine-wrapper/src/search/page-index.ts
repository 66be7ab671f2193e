// valid
import { Client } from '@opensearch-project/opensearch';

export interface Page {
  id: string;
  title: string;
  body: string;
}

export class PageIndex {
  private readonly client: Client;

  constructor(node: string) {
    this.client = new Client({ node });
  }

  async save(page: Page) {
    await this.client.index({ index: 'pages', id: page.id, body: page, refresh: false });
  }

  async hitsFor(term: string) {
    const { body } = await this.client.search({ index: 'pages', body: { query: { match: { body: term } } } });
    return body.hits.hits;
  }
}
