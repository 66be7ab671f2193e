// valid
export class DateFormatter {
  public constructor(private readonly locale: string) {}

  public format(time: number): string {
    return new Date(time).toLocaleDateString(this.locale);
  }
}
