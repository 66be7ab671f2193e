// valid
import { User } from '../entity/user.entity';

export async function recordLogin(user: User): Promise<User> {
  user.loginCount += 1;
  return user.save();
}
