import Base from './base.js';
import Stage from './stage.js';
import copyPipeline from '../helpers/copy-pipeline.js';

class Pipeline extends Base {
  static tableName = 'pipelines';

  static get relationMappings() {
    return {
      stages: { relation: Base.HasManyRelation, modelClass: Stage, join: { from: 'pipelines.id', to: 'stages.pipeline_id' } },
    };
  }

  static copy(owner, exported) {
    return copyPipeline(owner, exported);
  }

  async moveStagesFrom(position, stages) {
    const moves = stages.map((stage, index) =>
      stage.$query().patch({ position: position + index }),
//    ^^^^^^^^^^^^ n-plus-one
    );
    return Promise.all(moves);
  }

  async archiveStages() {
    const stages = await this.$relatedQuery('stages');
    for (const stage of stages) {
      await stage.$query().patch({ archived: true });
//          ^^^^^^^^^^^^ n-plus-one
    }
  }

  async reload() {
    return this.$query().withGraphFetched('stages');
  }
}

export default Pipeline;
