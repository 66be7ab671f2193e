// Lines added to the log a user reads as the action runs, and a progress field others poll, follow the work in order:
// they are not the loop's work. Next to them, loops whose work is something else, still reported.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface ActionContext {
  onEmitUserActionLog(message: string, level: 'info' | 'error'): Promise<void>;
}

interface ServiceInput {
  name: string;
  projectId: string;
}

export async function createServices(actionContext: ActionContext, inputs: ServiceInput[]): Promise<void> {
  for (const input of inputs) {
    const service = await prisma.service.create({ data: input });
//                        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await actionContext.onEmitUserActionLog(`Created service ${service.name}`, 'info');
  }
}

export async function notifyOwners(actionContext: ActionContext, owners: string[], notify: (owner: string) => Promise<void>): Promise<void> {
  for (const owner of owners) {
    await actionContext.onEmitUserActionLog(`Notifying ${owner}`, 'info');
    await notify(owner);
//  ^^^^^ await-in-loop
  }
}

export class Exporter {
  exportStatus = { status: 'idle', progress: 0 };

  async exportAll(entities: string[], exportEntity: (entity: string) => Promise<void>): Promise<void> {
    const step = 100 / entities.length;
    for (const entity of entities) {
      await exportEntity(entity);
      this.exportStatus.progress += step;
    }
  }

  async uploadAll(files: Array<{ path: string; uploaded: boolean }>, upload: (path: string) => Promise<void>): Promise<void> {
    for (const file of files) {
      await upload(file.path);
//    ^^^^^ await-in-loop
      file.uploaded = true;
    }
  }
}
