import { LabelService } from './label.service';

interface SyncContext {
  labels: LabelService;
  source: string;
}

export async function syncLabels(names: string[], ctx: SyncContext) {
  for (const name of names) {
    await ctx.labels.findOneOrCreate({ where: { name } }, { name });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
