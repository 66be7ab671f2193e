// valid
export type WindowKind = 'yesterday' | 'rolling_7d';

export interface PersistedInsight {
  id: string;
  dimensionKey: string;
}

export interface InsightStore {
  getActiveInsight(input: { projectId: string; dimensionKey: string }): Promise<PersistedInsight | null>;
  closeInsight(id: string): Promise<void>;
  listProjectIds(): Promise<string[]>;
}

export interface CardRenderer {
  render(insight: PersistedInsight): Promise<string>;
}
