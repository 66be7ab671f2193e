// Telling a user's sockets that items are gone only emits on sockets the server holds, one call after another settles at
// once: not reported. Sending the list again loads it per item, and deleting each item is a request of its own: reported.
const { RealtimeServer } = require("./realtime-server");

const server = RealtimeServer.getInstance();

async function deleteItems(socket, items, api) {
    for (const item of items) {
        await api.deleteItem(item.id);
//      ^^^^^ await-in-loop
        await server.sendItemRemoved(socket, item.id);
    }
}

async function announceRemoved(socket, itemIds) {
    for (const itemId of itemIds) {
        await server.sendItemRemoved(socket, itemId);
    }
}

async function refreshAll(sockets) {
    for (const socket of sockets) {
        await server.sendItemList(socket);
//      ^^^^^ await-in-loop
    }
}

module.exports = { deleteItems, announceRemoved, refreshAll };
