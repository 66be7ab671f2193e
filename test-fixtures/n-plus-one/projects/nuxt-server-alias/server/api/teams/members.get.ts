import { MemberModel } from '~/server/models/member';
import { UserModel } from '@/server/models/user';
import { userOf } from '~~/server/utils/members';

export default defineEventHandler(async (event) => {
  const { teamId } = getQuery(event);
  const members = await MemberModel.find({ teamId });
  const result = [];
  for (const member of members) {
    const user = await UserModel.findById(member.userId);
//                     ^^^^^^^^^^^^^^^^^^ n-plus-one
    const profile = await userOf(member.userId);
//                        ^^^^^^ n-plus-one
    result.push({ role: member.role, email: user?.email, name: profile?.name });
  }
  return result;
});
