// valid
import { BatchGetItemCommand, BatchWriteItemCommand, DynamoDBClient, GetItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDB } from 'aws-sdk';

const dynamo = new DynamoDBClient({});
const documents = DynamoDBDocumentClient.from(dynamo);
const legacyDocuments = new DynamoDB.DocumentClient();

/** Up to 100 keys per BatchGetItem: one request per chunk. */
export async function sessionsOf(tokens: string[]) {
  const found = [];
  for (let start = 0; start < tokens.length; start += 100) {
    const Keys = tokens.slice(start, start + 100).map((token) => ({ token: { S: token } }));
    const { Responses } = await dynamo.send(new BatchGetItemCommand({ RequestItems: { sessions: { Keys } } }));
    found.push(...(Responses?.sessions ?? []));
  }
  return found;
}

export async function writeAll(writes: WriteRequest[][]) {
  for (const chunk of writes) {
    await dynamo.send(new BatchWriteItemCommand({ RequestItems: { events: chunk } }));
  }
}

/** Pages of one query follow each other: each request needs the key the last one returned. */
export async function allOrders(customerId: string) {
  const orders = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId }, ExclusiveStartKey }),
    );
    orders.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return orders;
}

/** Requests made and kept, not sent: the batch below sends them. */
export function commandsFor(tokens: string[]) {
  return tokens.map((token) => new GetItemCommand({ TableName: 'sessions', Key: { token: { S: token } } }));
}

/** v2 with a callback: the loop does not wait for each. */
export function warmSettings(keys: string[], remember: (item: unknown) => void) {
  for (const key of keys) legacyDocuments.get({ TableName: 'settings', Key: { key } }, (_error, data) => remember(data?.Item));
}

export async function lookups(values: Map<string, string>, keys: string[]) {
  const found = [];
  for (const key of keys) found.push(values.get(key));
  return found;
}
