import { Collection, Entity, EntityManager, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

@Entity()
export class Publisher {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToMany(() => Magazine, (magazine) => magazine.publisher) magazines = new Collection<Magazine>(this);
}

@Entity()
export class Magazine {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => Publisher, { ref: true }) publisher!: Ref<Publisher>;
}

export class CatalogService {
  constructor(private readonly em: EntityManager) {}

  async publishers() {
    const magazines = await this.em.find(Magazine, {});
    const names = [];
    for (const magazine of magazines) {
      const publisher = await magazine.publisher.load();
//                            ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      names.push(publisher?.name);
    }
    return names;
  }

  async titles(publisherIds: number[]) {
    const titles: string[] = [];
    for (const id of publisherIds) {
      const publisher = await this.em.findOneOrFail(Publisher, id);
//                            ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      await publisher.magazines.init();
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      titles.push(...publisher.magazines.getItems().map((magazine) => magazine.title));
    }
    return titles;
  }

  async preloaded() {
    const magazines = await this.em.find(Magazine, {}, { populate: ['publisher'] });
    return magazines.map((magazine) => magazine.publisher.getEntity().name);
  }
}
