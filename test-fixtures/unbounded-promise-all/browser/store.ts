// A client's data store fetches every page of a list at once: that grows with the server's data, not with a page.
import { observable } from 'mobx';

declare function fetchPage(offset: number, limit: number): Promise<{ total: number }>;

export class UsersStore {
  @observable loaded = false;

  async fetchAll(limit: number): Promise<void> {
    const { total } = await fetchPage(0, limit);
    const pages: Array<Promise<{ total: number }>> = [];
    for (let page = 1; page < Math.ceil(total / limit); page++) pages.push(fetchPage(page * limit, limit));
    await Promise.all(pages);
    //    ^^^^^^^^^^^ unbounded-promise-all
    this.loaded = true;
  }
}
