// valid
export interface IEnvironment {
  name: string;
  sortOrder: number;
}

export interface IEnvironmentStore {
  get(name: string): Promise<IEnvironment | undefined>;
  updateSortOrder(name: string, sortOrder: number): Promise<void>;
}
