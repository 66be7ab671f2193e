import { closeWorkspace, deleteWorkspace, purgeWorkspace } from '@/workspaces/workspaces';

export async function deleteOwnedWorkspaces(workspaces: Array<{ id: string; customerId: string; collectionIds: string[] }>) {
  for (const workspace of workspaces) {
    await deleteWorkspace(workspace.id);
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const workspace of workspaces) {
    await closeWorkspace(workspace.id, workspace.customerId);
//  ^^^^^ await-in-loop
  }
  for (const workspace of workspaces) {
    await purgeWorkspace(workspace.id, workspace.collectionIds);
//  ^^^^^ await-in-loop
  }
}
