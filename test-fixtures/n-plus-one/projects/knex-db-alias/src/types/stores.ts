// valid
import type { IEnvironmentStore } from '../stores/environment-store-type.js';

export interface IStores {
  environmentStore: IEnvironmentStore;
}

export { type IEnvironmentStore };
