// Two look-ups per member awaited together: each is an N+1, and the loop gets no await-in-loop of its own for them.
import { Model } from 'sequelize';

class Team extends Model {
  declare id: string;
}
class User extends Model {
  declare id: string;
  declare suspendedAt: Date | null;
}

export async function revokeAccess(members: Array<{ teamId: string; userId: string }>, notify: (userId: string) => void) {
  for (const member of members) {
    const [team, user] = await Promise.all([Team.findByPk(member.teamId), User.findByPk(member.userId)]);
//                                          ^^^^^^^^^^^^^ n-plus-one
//                                                                        ^^^^^^^^^^^^^ n-plus-one
    if (!team || !user || user.suspendedAt) continue;
    notify(user.id);
  }
}
