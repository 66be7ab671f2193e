// A `for await` pulls pages one after another; a loop over the items of a page it pulled is an ordinary loop.
interface Project {
  id: string;
}

declare function listProjects(teamId: string, cursor?: string): Promise<{ items: Project[]; next?: string }>;
declare function notifyOwners(projectId: string): Promise<void>;

async function* projectPages(teamId: string) {
  let cursor: string | undefined;
  do {
    const page = await listProjects(teamId, cursor);
    yield page.items;
    cursor = page.next;
  } while (cursor);
}

export async function notifyTeam(teamId: string) {
  for await (const projects of projectPages(teamId)) {
    for (const project of projects) {
      await notifyOwners(project.id);
//    ^^^^^ await-in-loop
    }
  }
}

// One call per page pulled: the generator decides when the next page comes.
export async function notifyPages(teamId: string, send: (ids: string[]) => Promise<void>) {
  for await (const projects of projectPages(teamId)) {
    await send(projects.map((project) => project.id));
  }
}
