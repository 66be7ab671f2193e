// valid: relations loaded with the rows, batched look-ups, eager relations, in-memory finds
import { Column, type DataSource, Entity, In, ManyToOne, PrimaryGeneratedColumn, type Repository } from 'typeorm';

@Entity()
export class Team {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
}

@Entity()
export class Player {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Team, { eager: true }) team!: Team;
  @Column() teamId!: number;
}

export async function rosters(players: Repository<Player>, teams: Repository<Team>, ids: number[]) {
  const rows = await players.find({ where: { id: In(ids) }, relations: { team: true } });
  const byTeam = await teams.findBy({ id: In(rows.map((row) => row.teamId)) });
  for (const row of rows) {
    console.log(row.team.name, byTeam.find((team) => team.id === row.teamId)?.name);
  }
}

class Registry {
  private readonly items = new Map<number, string>();
  findOne(id: number) {
    return this.items.get(id);
  }
  count() {
    return this.items.size;
  }
}

export function labels(registry: Registry, ids: number[]) {
  return ids.map((id) => `${registry.findOne(id)} of ${registry.count()}`);
}

// Deleting a thousand ids at a time, in one transaction: explicit batches, not one statement per item.
export async function prune(dataSource: DataSource, ids: number[]) {
  await dataSource.transaction(async (manager) => {
    const batchSize = 1000;
    for (let i = 0; i < ids.length; i += batchSize) {
      const batch = ids.slice(i, i + batchSize);
      await manager.getRepository(Player).delete(batch);
    }
  });
}
