// valid
// An Angular service runs in the browser: deleting the rows a user selected is one user's fan-out.
import { Injectable } from '@angular/core';

declare const api: { deleteOrder(id: string): Promise<void> };

@Injectable({ providedIn: 'root' })
export class BulkActions {
  async deleteSelected(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => api.deleteOrder(id)));
  }
}
