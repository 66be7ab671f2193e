import { Outcome } from '../../shared/Outcome';
import type { RemoveMember } from './RemoveMember';

export class LeaveVaults {
  constructor(private readonly removeMember: RemoveMember) {}

  async execute(userId: string, vaultIds: string[]): Promise<Outcome<void>> {
    for (const vaultId of vaultIds) {
      const removed = await this.removeMember.execute({ vaultId, userId });
//                          ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (removed.isFailed()) {
        return Outcome.fail(removed.error);
      }
    }
    return Outcome.ok();
  }

  /** Stops at the first vault the user can leave: a search, not a pass over every vault. */
  async leaveFirst(userId: string, vaultIds: string[]): Promise<string | undefined> {
    for (const vaultId of vaultIds) {
      const removed = await this.removeMember.execute({ vaultId, userId });
      if (!removed.isFailed()) return vaultId;
    }
    return undefined;
  }
}
