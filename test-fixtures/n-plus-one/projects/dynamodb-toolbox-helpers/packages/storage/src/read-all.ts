// valid
import type { Entity } from './toolbox';

interface PageParams {
  entity: Entity<any>;
  partitionKey: string;
  previous?: { next?: () => Promise<any> };
}

const readPage = async (params: PageParams) => {
  const { entity, partitionKey, previous } = params;
  let result;
  if (!previous) {
    result = await entity.query(partitionKey);
  } else if (previous.next) {
    result = await previous.next();
  }
  return result ? { result, items: result.Items ?? [] } : undefined;
};

/** Every item of a partition, page after page. */
export const readAllItems = async <T>(params: Omit<PageParams, 'previous'>): Promise<T[]> => {
  const items: T[] = [];
  let page: Awaited<ReturnType<typeof readPage>>;
  let previous: PageParams['previous'];
  while ((page = await readPage({ ...params, previous }))) {
    items.push(...page.items);
    if (!page.result.next) break;
    previous = page.result;
  }
  return items;
};
