// valid
export interface ModelPrice {
  modelName: string;
  input: number;
  output: number;
}

export const defaultModelPrices: ModelPrice[] = [
  { modelName: 'small', input: 0.1, output: 0.4 },
  { modelName: 'large', input: 2.5, output: 10 },
];

export const extraModelPrices: ModelPrice[] = [...defaultModelPrices, { modelName: 'custom', input: 1, output: 1 }];
