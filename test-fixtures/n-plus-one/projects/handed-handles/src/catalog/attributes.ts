import { del, insert, insertOnUpdate, select, update } from '@shopkit/sql-builder';
import type { PoolClient } from '../db/connection';

interface AttributeInput {
  code: string;
  value: string;
}

interface OptionInput {
  id?: number;
  label: string;
  sortOrder: number;
}

export async function saveProductAttributes(productId: number, attributes: AttributeInput[], connection: PoolClient): Promise<void> {
  for (const attribute of attributes) {
    const attr = await select().from('attribute').where('attribute_code', '=', attribute.code).load(connection);
    //                                                                                         ^^^^ n-plus-one
    if (!attr) {
      return;
    }
    const indexed = await select('attribute_id').from('product_attribute_value_index').where('product_id', '=', productId).and('attribute_id', '=', attr.attribute_id).load(connection);
    //                                                                                                                                                                 ^^^^ n-plus-one
    if (indexed) {
      await update('product_attribute_value_index').given({ option_text: attribute.value }).where('attribute_id', '=', attr.attribute_id).execute(connection);
      //                                                                                                                                  ^^^^^^^ n-plus-one
    } else {
      await insert('product_attribute_value_index').prime('product_id', productId).prime('attribute_id', attr.attribute_id).execute(connection);
      //                                                                                                                    ^^^^^^^ n-plus-one
    }
  }
}

export async function replaceOptions(attributeId: number, stale: number[], options: OptionInput[], connection: PoolClient): Promise<void> {
  await Promise.all(stale.map((optionId) => del('attribute_option').where('attribute_option_id', '=', optionId).execute(connection)));
  //                                                                                                            ^^^^^^^ n-plus-one
  await Promise.all(
    options.map(async (option) => {
      await insertOnUpdate('attribute_option', ['attribute_option_id']).given(option).prime('attribute_id', attributeId).execute(connection);
      //                                                                                                                 ^^^^^^^ n-plus-one
    }),
  );
}
