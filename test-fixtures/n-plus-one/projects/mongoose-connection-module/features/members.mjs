import { Workspace } from '../models/Workspace.mjs';
import { Note } from '../models/Note.mjs';

async function removeMember(workspaceId, userId) {
  await Workspace.updateOne({ _id: workspaceId }, { $pull: { memberIds: userId } });
}

export async function removeMemberEverywhere(workspaces, userId) {
  for (const workspace of workspaces) {
    await removeMember(workspace._id, userId);
//        ^^^^^^^^^^^^ n-plus-one
  }
}

export async function removeMemberAtOnce(workspaces, userId) {
  await Workspace.updateMany({ _id: { $in: workspaces.map((workspace) => workspace._id) } }, { $pull: { memberIds: userId } });
}

export async function firstNotes(workspaces) {
  return Promise.all(workspaces.map((workspace) => Note.findOne({ workspaceId: workspace._id })));
//                                                 ^^^^^^^^^^^^ n-plus-one
}
