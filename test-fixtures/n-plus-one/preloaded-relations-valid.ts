// valid: relations loaded together with the rows are not loaded again per item
import { EntityManager, Entity as MikroEntity, ManyToOne as MikroManyToOne, PrimaryKey, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryGeneratedColumn, type DataSource } from 'typeorm';

@Entity()
export class Article {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Article, { lazy: true }) previous!: Promise<Article>;
}

@MikroEntity()
export class Chapter {
  @PrimaryKey() id!: number;
  @MikroManyToOne(() => Chapter, { ref: true }) next!: Ref<Chapter>;
}

export async function previousTitles(dataSource: DataSource) {
  const articles = await dataSource.getRepository(Article).find({ relations: ['previous'] });
  const ids = [];
  for (const article of articles) ids.push((await article.previous).id);
  const joined = await dataSource.getRepository(Article).createQueryBuilder('article').leftJoinAndSelect('article.previous', 'previous').getMany();
  for (const article of joined) ids.push((await article.previous).id);
  return ids;
}

export async function nextChapters(em: EntityManager) {
  const chapters = await em.find(Chapter, {}, { populate: ['next'] });
  const next = [];
  for (const chapter of chapters) next.push(await chapter.next.load());
  return next;
}
