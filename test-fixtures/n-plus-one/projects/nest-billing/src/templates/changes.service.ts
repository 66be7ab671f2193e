import { Injectable } from '@nestjs/common';
import { TemplateRepository } from '@billing/templates/template.repository';

@Injectable()
export class ChangesService {
  constructor(private readonly templates: TemplateRepository) {}

  async names(ids: string[]) {
    const names: string[] = [];
    for (const id of ids) {
      names.push(await this.describe(id));
//                     ^^^^^^^^^^^^^ n-plus-one
    }
    return names;
  }

  private async describe(id: string) {
    const template = await this.templates.findById(id);
    if (!template) await this.templates.findDeleted(id);
    return template?.name ?? id;
  }
}
