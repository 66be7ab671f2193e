// valid
import { Collection, Entity, ManyToMany, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Author } from './Author';
import { Tag } from './Tag';

@Entity()
export class Book {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => Author, { ref: true }) author!: Ref<Author>;
  @ManyToMany(() => Tag) tags = new Collection<Tag>(this);
}
