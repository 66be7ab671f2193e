export async function archiveChildTeams(teamIds: string[]) {
  const { archiveTeam } = await import('../teams/archive');
  for (const teamId of teamIds) {
    await archiveTeam(teamId);
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function archiveEach(teamIds: string[]) {
  for (const teamId of teamIds) {
    await (await import('../teams/archive')).archiveTeam(teamId);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function notifyOwners(folderIds: string[]) {
  const labels = await import('./labels');
  for (const folderId of folderIds) {
    console.log(labels.labelOf(folderId));
    await labels.notifyOwner(folderId);
//  ^^^^^ await-in-loop
  }
}
