// A list read from the configuration the instance was given (an injected config service, its module's options), also
// one picked by a key and narrowed, holds as many items as whoever deploys the application configured. A list a
// service reads for a caller, or one the caller hands in, holds as many as the data.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface FieldDefinition {
  name: string;
  kind: 'text' | 'relation';
  target: string;
}

interface AppConfig {
  customFields: Record<string, FieldDefinition[]>;
}

interface ModuleOptions {
  mirrors: string[];
}

declare class FieldService {
  definitionsFor(entity: string): Promise<FieldDefinition[]>;
}

export class FieldRelations {
  constructor(
    private readonly configService: AppConfig,
    private readonly moduleOptions: ModuleOptions,
    private readonly fieldService: FieldService,
  ) {}

  async resolve(entity: string, input: Record<string, string>): Promise<unknown[]> {
    const related: unknown[] = [];
    const relationFields = this.configService.customFields[entity]!.filter((field) => field.kind === 'relation');
    for (const field of relationFields) {
      related.push(await prisma.record.findFirst({ where: { table: field.target, id: input[field.name] } }));
    }
    for (const mirror of this.moduleOptions.mirrors) {
      await prisma.mirrorState.upsert({ where: { url: mirror }, create: { url: mirror }, update: {} });
    }
    return related;
  }

  async resolveStored(entity: string, input: Record<string, string>): Promise<unknown[]> {
    const related: unknown[] = [];
    for (const field of await this.fieldService.definitionsFor(entity)) {
      related.push(await prisma.record.findFirst({ where: { table: field.target, id: input[field.name] } }));
      //                 ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return related;
  }

  async resolveGiven(fields: FieldDefinition[], input: Record<string, string>): Promise<unknown[]> {
    const related: unknown[] = [];
    for (const field of fields) {
      related.push(await prisma.record.findFirst({ where: { table: field.target, id: input[field.name] } }));
      //                 ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return related;
  }
}
