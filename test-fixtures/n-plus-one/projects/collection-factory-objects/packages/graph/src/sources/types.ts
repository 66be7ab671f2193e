// valid
import type { BuildsAPI } from './builds';

export interface Sources {
  builds: BuildsAPI;
}
