// valid
// The process's one realtime server: its `send…` methods push to the sockets it holds, and one of them loads what it pushes.
class RealtimeServer {
    static instance = null;

    constructor(io) {
        this.io = io;
        this.rooms = new Map();
    }

    static getInstance() {
        if (!RealtimeServer.instance) {
            RealtimeServer.instance = new RealtimeServer(null);
        }
        return RealtimeServer.instance;
    }

    async sendItemRemoved(socket, itemId) {
        this.io.to(socket.userId).emit("itemRemoved", itemId);
    }

    async sendItemList(socket) {
        const items = await this.loadItems(socket.userId);
        this.io.to(socket.userId).emit("itemList", items);
    }

    async loadItems(userId) {
        const response = await fetch(`https://items.example.com/users/${userId}/items`);
        return response.json();
    }
}

module.exports = {
    RealtimeServer,
};
