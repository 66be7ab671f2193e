// A query builder chain with update(), delete() or insert() is a write statement, not a read: its advice is a write's.
import { DataSource, Repository } from 'typeorm';
import { Parcel } from './parcel.entity';

export async function resizeParcels(parcels: Repository<Parcel>, sizes: Array<{ id: number; weight: number }>) {
  for (const size of sizes) {
    await parcels.createQueryBuilder('parcel').update().set({ weight: size.weight }).where('id = :id', { id: size.id }).execute();
    //    ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function dropParcels(dataSource: DataSource, ids: number[]) {
  for (const id of ids) {
    await dataSource.getRepository(Parcel).createQueryBuilder().delete().where('id = :id', { id }).execute();
    //    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function dropAll(parcels: Repository<Parcel>, ids: number[]) {
  await parcels.createQueryBuilder('parcel').delete().where('id IN (:...ids)', { ids }).execute();
}
