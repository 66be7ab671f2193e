// A loop's head that destructures the item (renamed, nested, defaulted, an array pattern) binds values of the item:
// rows written from them are one row per item, as rows written from `item.field` are.
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { stickers, translations } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

interface StickerImport {
  code: string;
  url: string;
  image: { width: number };
  pack?: string;
}

export async function addStickerImports(imports: StickerImport[], pack: string | null) {
  for (const { code, url } of imports) {
    await db.insert(stickers).values({ pack, code, url });
//        ^^^^^^^^^ n-plus-one
  }
}

export async function addRenamedImports(imports: StickerImport[]) {
  for (const { code: shortcode, image: { width }, pack = 'misc' } of imports) {
    await db.insert(stickers).values({ pack, code: shortcode, width });
//        ^^^^^^^^^ n-plus-one
  }
}

export async function importTranslations(locale: string, imports: Map<string, string>) {
  for (const [key, text] of imports) {
    await db.insert(translations).values({ locale, key, text });
//        ^^^^^^^^^ n-plus-one
  }
}
