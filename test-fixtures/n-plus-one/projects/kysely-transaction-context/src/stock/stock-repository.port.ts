// valid
export interface StockItem {
  id: string;
  sku: string;
  quantity: number;
  warehouseId: string;
}

export interface IStockRepository {
  save(item: StockItem): Promise<void>;
  setQuantity(item: StockItem): Promise<void>;
  saveAll(items: StockItem[]): Promise<void>;
}
