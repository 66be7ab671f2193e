// valid
export interface Database {
  stock_item: { id: string; sku: string; quantity: number; warehouse_id: string };
  stock_movement: { id: string; item_id: string; delta: number };
}
