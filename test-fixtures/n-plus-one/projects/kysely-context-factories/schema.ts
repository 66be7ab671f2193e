// valid
export interface Schema {
  projects: { id: string; name: string; ownerId: string };
}
