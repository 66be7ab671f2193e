// valid
export enum ActionKind {
  Find = 'find',
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
  Custom = 'custom',
}

export interface EntityInfo {
  name: string;
  displayName: string;
  readOnly: boolean;
}

export interface ActionDefinition {
  kind: ActionKind;
  name: string;
  displayName: string;
  enabled: boolean;
}

/** One action per kind the code writes, named after the entity. */
export const defaultActionsFor = (entity: EntityInfo): Partial<Record<ActionKind, ActionDefinition>> => {
  const plural = `${entity.name}s`;
  if (entity.readOnly) {
    return {
      [ActionKind.Find]: { kind: ActionKind.Find, name: plural, displayName: `Find ${entity.displayName}`, enabled: true },
    };
  }
  return {
    [ActionKind.Find]: { kind: ActionKind.Find, name: plural, displayName: `Find ${entity.displayName}`, enabled: true },
    [ActionKind.Create]: { kind: ActionKind.Create, name: `create${entity.name}`, displayName: `Create ${entity.displayName}`, enabled: true },
    [ActionKind.Delete]: { kind: ActionKind.Delete, name: `delete${entity.name}`, displayName: `Delete ${entity.displayName}`, enabled: true },
  };
};

/** The defaults with the caller's actions laid over them: as many keys as the caller brings. */
export function actionsWithExtras(entity: EntityInfo, extras: Record<string, ActionDefinition>) {
  return { ...defaultActionsFor(entity), ...extras };
}

/** One action per stored setting. */
export function actionsFromSettings(settings: ActionDefinition[]) {
  const actions: Record<string, ActionDefinition> = {};
  for (const setting of settings) actions[setting.name] = setting;
  return actions;
}
