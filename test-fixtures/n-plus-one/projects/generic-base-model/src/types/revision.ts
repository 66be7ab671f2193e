// valid
export interface RevisionDoc {
  orgId: string;
  scope: string;
  revision: number;
}
