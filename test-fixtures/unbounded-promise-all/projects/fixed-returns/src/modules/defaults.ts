// valid
export enum ActionType {
  Create = 'create',
  Read = 'read',
  Delete = 'delete',
}

export interface Entity {
  id: string;
  name: string;
  displayName: string;
}

export interface ActionDefaults {
  name: string;
  description: string;
}

/** The actions every entity starts with: one per kind written here. */
export const getDefaultActions = (entity: Entity): Record<ActionType, ActionDefaults> => {
  const plural = `${entity.name}s`;
  return {
    [ActionType.Create]: { name: `create${entity.name}`, description: `Create one ${entity.displayName}` },
    [ActionType.Read]: { name: entity.name, description: `Get one ${entity.displayName}` },
    [ActionType.Delete]: { name: `delete${plural}`, description: `Delete ${entity.displayName} records` },
  };
};

/** The actions the user added to an entity, as many as they made. */
export function customActions(entity: Entity, saved: Record<string, ActionDefaults>): Record<string, ActionDefaults> {
  return { ...saved, [`describe${entity.name}`]: { name: 'describe', description: entity.displayName } };
}
