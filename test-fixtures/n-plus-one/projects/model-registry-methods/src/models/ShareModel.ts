import BaseModel from './BaseModel';
import type { User } from './UserModel';

export interface Share {
  id: string;
  owner_id: string;
  created_time: number;
}

export default class ShareModel extends BaseModel<Share> {
  protected get tableName(): string {
    return 'shares';
  }

  public async owners(shares: Share[]): Promise<Array<User | undefined>> {
    const owners: Array<User | undefined> = [];
    for (const share of shares) {
      owners.push(await this.models().user().load(share.owner_id));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return owners;
  }

  public async ownerOfFirst(shares: Share[]): Promise<User | undefined> {
    const [first] = shares;
    return first ? this.models().user().load(first.owner_id) : undefined;
  }

  public createdDates(shares: Share[]): string[] {
    return shares.map((share) => this.models().formatter().format(share.created_time));
  }
}
