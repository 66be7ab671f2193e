// valid
export class MoneyFormat {
  constructor(private readonly currency: string) {}

  format(cents: number) {
    return new Intl.NumberFormat('en', { style: 'currency', currency: this.currency }).format(cents / 100);
  }
}
