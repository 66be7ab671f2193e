import { randomUUID } from 'node:crypto';
import Stage from '../models/stage.js';
import Pipeline from '../models/pipeline.js';

const copyPipeline = async (owner, exported) => {
  const pipeline = await Pipeline.query().insertAndFetch({ ownerId: owner.id, name: exported.name });
  // Stages by name, but each is only written as a row: data to insert, not steps to run in order.
  for (const stage of exported.stages) {
    await Stage.query().insert({ id: randomUUID(), pipelineId: pipeline.id, name: stage.name, position: stage.position });
//        ^^^^^^^^^^^ n-plus-one
  }
  return pipeline;
};

// A hook that runs before its record is written is work run in order.
export async function runStageHooks(pipeline, hooks) {
  for (const hook of hooks) {
    await hook.run(pipeline);
    await Stage.query().insert({ pipelineId: pipeline.id, name: hook.name });
  }
}

export default copyPipeline;
