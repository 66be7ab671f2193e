// valid
import type { FindMember, Member } from '../domain/operations';

/** Members kept in memory by the kiosk, which works offline. */
export const findCachedMemberFactory =
  (deps: { members: Map<string, Member> }): FindMember =>
  async (memberId) => {
    return deps.members.get(memberId);
  };
