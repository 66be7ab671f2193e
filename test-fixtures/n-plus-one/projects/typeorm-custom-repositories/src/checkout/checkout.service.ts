import { Service } from 'typedi';
import { getCustomRepository } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { CategoryRepository } from '../catalog/category.repository';
import { getService } from '../container';

@Service()
export class CheckoutService {
  private catalog = getService(CatalogService);

  async categoryNames(ids: number[]): Promise<string[]> {
    const names: string[] = [];
    for (const id of ids) {
      const category = await getCustomRepository(CategoryRepository).getCategoryById(id);
//                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (category) names.push(category.name);
    }
    return names;
  }

  async labels(ids: number[]): Promise<string[]> {
    const labels: string[] = [];
    for (const id of ids) {
      labels.push(await this.catalog.label(id));
//                      ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return labels;
  }

  headings(names: string[]): string[] {
    const headings: string[] = [];
    for (const name of names) {
      headings.push(this.catalog.describe(name));
    }
    return headings;
  }
}
