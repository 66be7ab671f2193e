// valid
export class ChartTree {
  private nodes: { id: string }[] = []
  find(id: string) {
    return this.nodes.find((node) => node.id === id)
  }
}
