import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Listing {
  @PrimaryGeneratedColumn() id!: number;
  @Column() sourceId!: string;
  @Column() groupId!: string;
}

interface SourceRow {
  id: string;
}
interface SourceStore {
  collection(name: string): { count(): Promise<number>; find(filter: object): { skip(offset: number): { limit(size: number): { toArray(): Promise<SourceRow[]> } } } };
}

const dataSource = new DataSource({ type: 'postgres' });
const listings = dataSource.getRepository(Listing);

// One page read by its offset, then saved in one call: one statement per page, the pages are the batches.
export async function copyPages(store: SourceStore, name: string, groupId: string, pageSize: number) {
  const source = store.collection(name);
  const total = await source.count();
  let offset = 0;
  while (offset < total) {
    const page = await source.find({}).skip(offset).limit(pageSize).toArray();
    await listings.save(page.map((row) => listings.create({ sourceId: row.id, groupId })));
    offset += pageSize;
  }
}

// One save per group: the groups could be saved together.
export async function copyGroups(groups: Array<{ id: string; sourceIds: string[] }>) {
  for (const group of groups) {
    await listings.save(group.sourceIds.map((sourceId) => listings.create({ sourceId, groupId: group.id })));
//        ^^^^^^^^^^^^^ n-plus-one
  }
}
