import { customActions, getDefaultActions, type ActionDefaults, type Entity } from './defaults';

declare function createAction(entityId: string, type: string, data: ActionDefaults): Promise<void>;

/** One action per default kind: as many as the defaults write. */
export async function createDefaultActions(entity: Entity): Promise<void> {
  const defaults = await getDefaultActions(entity);
  await Promise.all(Object.keys(defaults).map((type) => createAction(entity.id, type, defaults[type as keyof typeof defaults])));
  await Promise.all(Object.entries(getDefaultActions(entity)).map(([type, data]) => createAction(entity.id, type, data)));
}

/** One action per action the user saved: as many as they made. */
export async function copyCustomActions(entity: Entity, saved: Record<string, ActionDefaults>): Promise<void> {
  const actions = customActions(entity, saved);
  await Promise.all(Object.entries(actions).map(([type, data]) => createAction(entity.id, type, data)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
