// valid
import { BoardModel } from './models/board-model';
import { LabelModel } from './models/label-model';

export class ModelRegistry {
  readonly labels: LabelModel;

  constructor(context: RequestContext) {
    this.labels = new LabelModel(context);
  }

  get archivedBoards() {
    return new BoardModel(new RequestContext('archive'));
  }
}

export class RequestContext {
  readonly models = {
    boards: new BoardModel(this),
  };

  registry!: ModelRegistry;

  constructor(readonly orgId: string) {
    this.registry = new ModelRegistry(this);
  }

  readsFixtures() {
    return process.env.FIXTURE_DATA === '1';
  }

  fixtureDoc<T>(collection: string, filter: object): T | null {
    return JSON.parse(process.env[`FIXTURE_${collection}`] ?? 'null') ?? (filter as T | null);
  }
}
