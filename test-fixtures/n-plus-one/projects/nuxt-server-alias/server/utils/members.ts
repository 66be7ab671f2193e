// valid
import { UserModel } from '~~/server/models/user';

export function userOf(userId: string) {
  return UserModel.findById(userId, { email: 1, name: 1 });
}
