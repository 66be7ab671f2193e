// valid
import { Service } from 'typedi';
import { getCustomRepository } from 'typeorm';
import { CategoryRepository } from './category.repository';

@Service()
export class CatalogService {
  async label(id: number): Promise<string> {
    const categories = getCustomRepository(CategoryRepository);
    const category = await categories.getCategoryById(id);
    return category ? category.name : '';
  }

  describe(name: string): string {
    return name.trim().toUpperCase();
  }
}
