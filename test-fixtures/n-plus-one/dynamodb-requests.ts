// DynamoDB: every awaited request on one key is one HTTP round trip; the batch commands take many keys at once.
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDB, S3 } from 'aws-sdk';

const dynamo = new DynamoDBClient({ region: process.env.AWS_REGION });
const documents = DynamoDBDocumentClient.from(dynamo);
const legacyDocuments = new DynamoDB.DocumentClient();
const storage = new S3();

export async function sessionsOf(tokens: string[]) {
  const sessions = [];
  for (const token of tokens) {
    const { Item } = await dynamo.send(new GetItemCommand({ TableName: 'sessions', Key: { token: { S: token } } }));
    //                     ^^^^^^^^^^^ n-plus-one
    if (Item) sessions.push(Item);
  }
  return sessions;
}

export async function profilesOf(userIds: string[]) {
  return Promise.all(userIds.map(async (userId) => (await documents.send(new GetCommand({ TableName: 'profiles', Key: { userId } }))).Item));
  //                                                      ^^^^^^^^^^^^^^ n-plus-one
}

export async function ordersPerCustomer(customerIds: string[]) {
  const orders = [];
  for (const customerId of customerIds) {
    const query = new QueryCommand({
      TableName: 'orders',
      KeyConditionExpression: 'customerId = :customerId',
      ExpressionAttributeValues: { ':customerId': { S: customerId } },
    });
    const { Items = [] } = await dynamo.send(query);
    //                           ^^^^^^^^^^^ n-plus-one
    orders.push(...Items);
  }
  return orders;
}

export async function saveVisits(visits: Array<{ id: string; page: string }>) {
  for (const visit of visits) {
    await documents.send(new PutCommand({ TableName: 'visits', Item: visit }));
    //    ^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function touchAll(ids: string[], seenAt: number) {
  for (const id of ids) {
    await documents.send(new UpdateCommand({ TableName: 'devices', Key: { id }, UpdateExpression: 'SET seenAt = :at', ExpressionAttributeValues: { ':at': seenAt } }));
    //    ^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function forgetAll(tokens: string[]) {
  for (const token of tokens) {
    await dynamo.send(new DeleteItemCommand({ TableName: 'sessions', Key: { token: { S: token } } }));
    //    ^^^^^^^^^^^ n-plus-one
  }
}

export async function legacySettings(keys: string[]) {
  const settings = [];
  for (const key of keys) {
    const { Item } = await legacyDocuments.get({ TableName: 'settings', Key: { key } }).promise();
    //                     ^^^^^^^^^^^^^^^^^^^ n-plus-one
    settings.push(Item);
  }
  return settings;
}

/** v2's document client behind a helper of the file: each call is one request. */
async function settingOf(key: string) {
  const { Item } = await legacyDocuments.get({ TableName: 'settings', Key: { key } }).promise();
  return Item?.value as string | undefined;
}

export async function settingsOf(keys: string[]) {
  const values = [];
  for (const key of keys) values.push(await settingOf(key));
  //                                        ^^^^^^^^^ n-plus-one
  return values;
}

/** S3 of the same SDK is a file store, not a database: each download is other work, not a query. */
export async function downloads(keys: string[]) {
  const bodies = [];
  for (const key of keys) {
    const { Body } = await storage.getObject({ Bucket: 'exports', Key: key }).promise();
    //               ^^^^^ await-in-loop
    bodies.push(Body);
  }
  return bodies;
}
