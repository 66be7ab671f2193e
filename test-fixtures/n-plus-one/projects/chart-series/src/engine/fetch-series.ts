import { buildOwnedSeriesSql, buildSeriesSql, type SeriesInput } from '../services/chart.service';

interface Plan {
  projectId: string;
  segments: SeriesInput['segments'];
  definitions: Array<{ id: string; name: string; filters: string[] }>;
}

// Only the segments of the plan reach the query of buildSeriesSql: the same labels for every series, nothing to batch per series, yet awaited once per series.
export async function seriesSql(plan: Plan): Promise<string[]> {
  const statements: string[] = [];
  for (let index = 0; index < plan.definitions.length; index++) {
    const definition = plan.definitions[index]!;
    const input: SeriesInput = {
      series: { id: definition.id, name: definition.name, filters: definition.filters },
      segments: plan.segments,
      projectId: plan.projectId,
    };
    statements.push(await buildSeriesSql({ ...input }));
//                  ^^^^^ await-in-loop
    // Without segments the labels are never looked up.
    statements.push(await buildSeriesSql({ ...input, segments: [] }));
  }
  return statements;
}

// The segments of each definition reach the query: a look-up per series.
export async function segmentedSeriesSql(plan: Plan, segmentsOf: (id: string) => SeriesInput['segments']): Promise<string[]> {
  const statements: string[] = [];
  for (const definition of plan.definitions) {
    statements.push(await buildSeriesSql({ series: definition, segments: segmentsOf(definition.id), projectId: plan.projectId }));
//                        ^^^^^^^^^^^^^^ n-plus-one
  }
  return statements;
}

// The series itself reaches the owner's query.
export async function ownedSeriesSql(plan: Plan): Promise<string[]> {
  return Promise.all(plan.definitions.map((definition) => buildOwnedSeriesSql({ series: definition, segments: plan.segments, projectId: plan.projectId })));
//                                                        ^^^^^^^^^^^^^^^^^^^ n-plus-one
}
