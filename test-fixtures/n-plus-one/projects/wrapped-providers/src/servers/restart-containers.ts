import { loadServerLater, runOnServer } from './remote';

export async function restartContainers(serverId: string, containers: string[]) {
  for (const container of containers) {
    await runOnServer(serverId, `docker restart ${container}`);
//  ^^^^^ await-in-loop
  }
}

export async function loadServers(ids: string[]) {
  const servers = [];
  for (const id of ids) servers.push(await loadServerLater(id));
//                                         ^^^^^^^^^^^^^^^ n-plus-one
  return servers;
}
