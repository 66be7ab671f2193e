// valid
/** A form draft kept in memory until it is submitted: its `save` touches no database. */
export class Draft {
  private values = new Map<string, string>();

  constructor(readonly formId: string) {}

  save(field: string, value: string): void {
    this.values.set(field, value);
  }

  remove(field: string): void {
    this.values.delete(field);
  }
}
