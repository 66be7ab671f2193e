import type { Models } from '../models/factory';

export async function inviteUsers(models: Models, userIds: string[]) {
  const invited = [];
  for (const userId of userIds) {
    const user = await models.user().load(userId);
//                     ^^^^^^^^^^^^^^^^^^ n-plus-one
    if (user) invited.push(user.email);
  }
  return invited;
}

export function formattedDates(models: Models, times: number[]) {
  return times.map((time) => models.formatter().format(time));
}
