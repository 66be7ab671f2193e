// One element of a `Promise.all` tuple that is either a page or an empty list, next to one that loads every row.
import { Group } from './models';

interface Actor {
  teamId: string;
  isAdmin: boolean;
}

declare function presentGroup(group: Group): Promise<unknown>;
declare function searchDocuments(actor: Actor, query: string, limit: number): Promise<unknown[]>;

export async function suggestions(actor: Actor, query: string, offset: number, limit: number): Promise<unknown> {
  const [documents, groups] = await Promise.all([
    searchDocuments(actor, query, limit),
    actor.isAdmin ? Group.findAll({ where: { teamId: actor.teamId }, offset, limit }) : [],
  ]);
  return { documents, groups: await Promise.all(groups.map((group) => presentGroup(group))) };
}

export async function everyGroup(actor: Actor, query: string, limit: number): Promise<unknown> {
  const [documents, groups] = await Promise.all([
    searchDocuments(actor, query, limit),
    actor.isAdmin ? Group.findAll({ where: { teamId: actor.teamId } }) : [],
  ]);
  return { documents, groups: await Promise.all(groups.map((group) => presentGroup(group))) };
  //                                ^^^^^^^^^^^ unbounded-promise-all
}
