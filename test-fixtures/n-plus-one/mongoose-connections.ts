import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

@Injectable()
export class AudienceService {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async markMembers(collectionName: string, customerIds: string[]) {
    for (const customerId of customerIds) {
      await this.connection.db.collection(collectionName).updateOne({ _id: customerId }, { $set: { member: true } }, { upsert: true });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async markMembersAtOnce(collectionName: string, customerIds: string[]) {
    await this.connection.db.collection(collectionName).updateMany({ _id: { $in: customerIds } }, { $set: { member: true } });
  }
}

export async function latestEvents(connection: Connection, accountIds: string[]) {
  const events = [];
  for (const accountId of accountIds) {
    events.push(await connection.db.collection('events').findOne({ accountId }, { sort: { createdAt: -1 } }));
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return events;
}
