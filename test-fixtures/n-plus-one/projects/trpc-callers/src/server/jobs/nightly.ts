import { systemCaller } from '../routers/app';

export async function recountAll(userIds: string[]) {
  for (const userId of userIds) {
    await systemCaller({ userId }).stats.recount();
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function previewAll(bodies: string[]) {
  const caller = systemCaller({ userId: null });
  const previews = [];
  for (const body of bodies) {
    previews.push(await caller.notes.preview(body));
//                ^^^^^ await-in-loop
  }
  return previews;
}
