import { actionsFromSettings, actionsWithExtras, defaultActionsFor, type ActionDefinition, type EntityInfo } from '@forge/entity-kit';
import { prisma } from '../db';

enum ViewKind {
  Table = 'table',
  Board = 'board',
}

/** A function of this file whose keys name members of an enum. */
function defaultViewsFor(entity: EntityInfo) {
  return {
    [ViewKind.Table]: { title: `${entity.displayName} table`, pageSize: 50 },
    [ViewKind.Board]: { title: `${entity.displayName} board`, pageSize: 20 },
  };
}

/** Views handed in by the caller, laid over the defaults. */
function viewsWithSaved(entity: EntityInfo, saved: Record<string, { title: string; pageSize: number }>) {
  return { ...defaultViewsFor(entity), ...saved };
}

export class ModuleActionsService {
  /** Create what the defaults add, update what both have: each list holds at most the kinds the library writes. */
  async syncDefaults(entity: EntityInfo, moduleId: string) {
    const defaults = defaultActionsFor(entity);
    const existing = await prisma.moduleAction.findMany({ where: { moduleId }, select: { id: true, kind: true } });
    const existingKinds = new Set(existing.map((action) => action.kind as string));
    const wantedKinds = new Set(Object.keys(defaults));
    const toCreate: string[] = [];
    const toUpdate: string[] = [];
    for (const kind of wantedKinds) {
      if (existingKinds.has(kind)) toUpdate.push(kind);
      else toCreate.push(kind);
    }
    await Promise.all(toCreate.map((kind) => prisma.moduleAction.create({ data: { moduleId, ...defaults[kind as keyof typeof defaults] } })));
    await Promise.all(
      toUpdate.map((kind) => prisma.moduleAction.updateMany({ where: { moduleId, kind }, data: { name: defaults[kind as keyof typeof defaults]?.name } })),
    );
  }

  /** The stored kinds the defaults no longer name: a set made from rows, as many as were stored. */
  async removeStale(entity: EntityInfo, moduleId: string) {
    const wantedKinds = new Set(Object.keys(defaultActionsFor(entity)));
    const existing = await prisma.moduleAction.findMany({ where: { moduleId }, select: { kind: true } });
    const existingKinds = new Set(existing.map((action) => action.kind as string));
    const stale: string[] = [];
    for (const kind of existingKinds) {
      if (!wantedKinds.has(kind)) stale.push(kind);
    }
    await Promise.all(stale.map((kind) => prisma.moduleAction.deleteMany({ where: { moduleId, kind } })));
//                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async renameDefaults(entity: EntityInfo, moduleId: string) {
    for (const [kind, action] of Object.entries(defaultActionsFor(entity))) {
      await prisma.moduleAction.updateMany({ where: { moduleId, kind }, data: { displayName: action.displayName } });
    }
  }

  async disableMissing(entity: EntityInfo, moduleId: string, enabledKinds: string[]) {
    const defaults = defaultActionsFor(entity);
    const disabled = Object.keys(defaults).filter((kind) => !enabledKinds.includes(kind));
    for (const kind of disabled) {
      await prisma.moduleAction.updateMany({ where: { moduleId, kind }, data: { enabled: false } });
    }
  }

  async createViews(entity: EntityInfo, moduleId: string) {
    const views = defaultViewsFor(entity);
    await Promise.all(Object.values(views).map((view) => prisma.moduleView.create({ data: { moduleId, ...view } })));
  }

  /** A spread brings the caller's keys: as many as they are. */
  async syncWithExtras(entity: EntityInfo, moduleId: string, extras: Record<string, ActionDefinition>) {
    const actions = actionsWithExtras(entity, extras);
    for (const kind of Object.keys(actions)) {
      await prisma.moduleAction.updateMany({ where: { moduleId, kind }, data: { enabled: true } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** An object filled from the stored settings: one key per setting. */
  async restoreSettings(moduleId: string, settings: ActionDefinition[]) {
    for (const [kind, action] of Object.entries(actionsFromSettings(settings))) {
      await prisma.moduleAction.updateMany({ where: { moduleId, kind }, data: { name: action.name } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async saveViews(entity: EntityInfo, moduleId: string, saved: Record<string, { title: string; pageSize: number }>) {
    const views = viewsWithSaved(entity, saved);
    await Promise.all(Object.values(views).map((view) => prisma.moduleView.create({ data: { moduleId, ...view } })));
//                                                       ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
