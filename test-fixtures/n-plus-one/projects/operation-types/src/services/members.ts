import type { FindMember, Member, NotifyMember } from '../domain/operations';

export const membersByIdFactory = (deps: { findMember: FindMember }) => async (memberIds: string[]) => {
  const found: Member[] = [];
  for (const memberId of memberIds) {
    const member = await deps.findMember(memberId);
    //             ^^^^^ await-in-loop
    if (member) found.push(member);
  }
  return found;
};

export const remindMembersFactory = (deps: { notifyMember: NotifyMember }) => async (memberIds: string[]) => {
  for (const memberId of memberIds) {
    await deps.notifyMember(memberId, 'Your loan is due tomorrow');
//  ^^^^^ await-in-loop
  }
};
