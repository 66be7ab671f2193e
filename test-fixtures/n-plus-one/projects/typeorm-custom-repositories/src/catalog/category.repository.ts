import { EntityRepository, TreeRepository } from 'typeorm';
import { Category } from './category.entity';

@EntityRepository(Category)
export class CategoryRepository extends TreeRepository<Category> {
  async getCategoryById(id: number): Promise<Category | undefined> {
    return this.findOne(id);
  }

  async detachChildren(parent: Category): Promise<void> {
    const children = await this.findDescendants(parent);
    await Promise.all(
      children.map(async (child) => {
        child.parent = null;
        await this.save(child);
//            ^^^^^^^^^ n-plus-one
      }),
    );
  }
}
