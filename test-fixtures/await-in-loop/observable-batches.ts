// An RxJS pipeline awaited per table: `bufferCount` cuts the table's rows into chunks and `concatMap` saves them one chunk after
// another, so each iteration already runs its rows as the batches it chose. A request made per item through an observable
// client is still one round trip per item, one after another.
import { firstValueFrom, from, lastValueFrom } from 'rxjs';
import { bufferCount, concatMap } from 'rxjs/operators';

interface Row {
  id: string;
  values: Record<string, unknown>;
}

interface HttpClient {
  get<T>(url: string): import('rxjs').Observable<T>;
}

declare function saveRows(table: string, rows: Row[]): Promise<number>;

export async function saveTables(rowsByTable: Record<string, Row[]>, chunkSize: number): Promise<void> {
  for (const table in rowsByTable) {
    const rows = rowsByTable[table] ?? [];
    await lastValueFrom(
      from(rows).pipe(
        bufferCount(chunkSize),
        concatMap((chunk) => from(saveRows(table, chunk))),
      ),
    );
  }
}

export async function fetchProfiles(http: HttpClient, userIds: string[]): Promise<unknown[]> {
  const profiles: unknown[] = [];
  for (const userId of userIds) {
    profiles.push(await firstValueFrom(http.get(`/users/${userId}/profile`)));
//                ^^^^^ await-in-loop
  }
  return profiles;
}
