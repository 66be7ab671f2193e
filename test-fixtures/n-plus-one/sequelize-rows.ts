import { Model, Op } from 'sequelize';

class Document extends Model {
  declare id: string;
  declare title: string;
  declare views: number;
}

class Team extends Model {
  declare id: string;
  declare lastSeenId: string;
}

export async function retitle(ids: string[], title: string) {
  const documents = await Document.findAll({ where: { id: { [Op.in]: ids } } });
  for (const document of documents) {
    document.title = title;
    await document.save();
//        ^^^^^^^^^^^^^ n-plus-one
  }
  await Promise.all(documents.map((document) => document.increment('views')));
//                                              ^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function removeAll(ids: string[]) {
  for (const id of ids) {
    const document = await Document.findByPk(id);
//                         ^^^^^^^^^^^^^^^^^ n-plus-one
    await document?.destroy();
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function copyAll(titles: string[]) {
  for (const title of titles) {
    const document = Document.build({ title });
    await document.save();
//        ^^^^^^^^^^^^^ n-plus-one
  }
}

// The same row each time, and rows kept in memory: not one statement per item.
export async function remember(teamId: string, ids: string[]) {
  const team = await Team.findByPk(teamId);
  for (const id of ids) {
    if (team) await team.update({ lastSeenId: id });
  }
  const drafts = ids.map((id) => Document.build({ id }));
  return drafts.map((draft) => draft.get('id'));
}

export async function sync(names: string[]) {
  for (const name of names) {
    const [team, created] = await Team.scope('withUsers').findOrCreate({ where: { name } });
//                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (!created) await team.update({ lastSeenId: name });
//                      ^^^^^^^^^^^ n-plus-one
  }
}
