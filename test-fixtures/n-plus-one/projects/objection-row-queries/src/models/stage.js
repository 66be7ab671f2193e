// valid
import Base from './base.js';
import Pipeline from './pipeline.js';

class Stage extends Base {
  static tableName = 'stages';

  static get relationMappings() {
    return {
      pipeline: { relation: Base.BelongsToOneRelation, modelClass: Pipeline, join: { from: 'stages.pipeline_id', to: 'pipelines.id' } },
    };
  }
}

export default Stage;
