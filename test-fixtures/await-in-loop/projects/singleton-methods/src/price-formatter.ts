// valid
// Formats prices in memory; `convert` asks a rates service first.
export class PriceFormatter {
  constructor(private readonly currency: string) {}

  async format(amount: number) {
    return `${amount.toFixed(2)} ${this.currency}`;
  }

  async convert(amount: number, to: string) {
    const response = await fetch(`https://rates.example.com/${this.currency}/${to}`);
    const { rate } = (await response.json()) as { rate: number };
    return amount * rate;
  }
}
