// A formatter made here with `new`, whose `format` awaits nothing: not reported. Its `convert` fetches a rate per line: reported.
import { PriceFormatter } from './price-formatter';

const formatter = new PriceFormatter('EUR');

export async function lineLabels(amounts: number[]): Promise<string[]> {
  const labels: string[] = [];
  for (const amount of amounts) {
    labels.push(await formatter.format(amount));
  }
  return labels;
}

export async function inDollars(amounts: number[]): Promise<number[]> {
  const converted: number[] = [];
  for (const amount of amounts) {
    converted.push(await formatter.convert(amount, 'USD'));
//                 ^^^^^ await-in-loop
  }
  return converted;
}
