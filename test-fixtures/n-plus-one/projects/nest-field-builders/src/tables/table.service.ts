import { Injectable } from '@nestjs/common';
import { FieldBuilderService, type FieldInput } from '../fields/field-builder.service';

@Injectable()
export class TableService {
  constructor(private readonly fields: FieldBuilderService) {}

  async prepareFields(tableId: string, inputs: FieldInput[]) {
    const prepared = [];
    for (const input of inputs) prepared.push(await this.fields.prepare(tableId, input));
//                                                  ^^^^^^^^^^^^^^^^^^^ n-plus-one
    return prepared;
  }

  async addColumns(tableName: string, fieldIds: string[]) {
    for (const fieldId of fieldIds) await this.fields.addColumn(tableName, fieldId);
//                                        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
