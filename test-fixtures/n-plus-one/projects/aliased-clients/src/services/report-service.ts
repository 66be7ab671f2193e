import type { Database, TitleCache } from '../db/client';
import type { MemberRepository } from '../repositories/member-repository';
import { cachedTitle, reportTitle } from '../repositories/reports';

export class ReportService {
  constructor(
    private readonly members: MemberRepository,
    private readonly db: Database,
    private readonly titles: TitleCache,
  ) {}

  async renameAll(names: Map<string, string>) {
    for (const [id, name] of names) {
      await this.members.rename(id, name);
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async titlesOf(ids: string[]) {
    return Promise.all(ids.map((id) => reportTitle(this.db, id)));
//                                     ^^^^^^^^^^^ n-plus-one
  }

  cachedTitles(ids: string[]) {
    return ids.map((id) => cachedTitle(this.titles, id));
  }
}
