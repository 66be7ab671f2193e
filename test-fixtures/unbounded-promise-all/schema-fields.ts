// The fields a list, a collection or a schema declares in code are as many as the schema has: walking them at once is
// bounded by the code, not by the data. Fields a request sends, and the rows of a table, still grow with the input.
import type { Request } from 'express';

interface FieldConfig {
  name: string;
  hooks?: { beforeChange?: (value: unknown) => Promise<unknown> };
}
interface Field {
  name: string;
  filterOptions?: (args: { id: string }) => Promise<Record<string, unknown>>;
}
interface ListConfig {
  key: string;
  fields: Record<string, FieldConfig>;
}
interface PostWhereInput {
  title?: { contains: string };
  authorId?: { in: string[] };
}

declare function runHook(field: FieldConfig, value: unknown): Promise<unknown>;
declare function resolveFilter(key: string, value: unknown): Promise<Record<string, unknown>>;
declare function saveUpload(name: string, value: unknown): Promise<void>;
declare function loadAuthor(id: string): Promise<unknown>;

export async function runFieldHooks(list: ListConfig, data: Record<string, unknown>) {
  await Promise.all(Object.entries(list.fields).map(([key, field]) => runHook(field, data[key])));
}

export async function resolveFilterOptions({ fields, id }: { fields: Field[]; id: string }) {
  await Promise.all(fields.map(async (field) => field.filterOptions?.({ id })));
}

export async function buildWhere(where: PostWhereInput) {
  return Promise.all(Object.entries(where).map(([key, value]) => resolveFilter(key, value)));
}

export async function loadAuthors(authorsByPost: Record<string, string>) {
  return Promise.all(Object.values(authorsByPost).map((id) => loadAuthor(id)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function saveSubmittedFields(req: Request) {
  await Promise.all(Object.entries(req.body.fields as Record<string, unknown>).map(([name, value]) => saveUpload(name, value)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
