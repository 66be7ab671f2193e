const { Room, Device } = require('../../models');

async function renameRooms(names) {
  const rooms = await Room.findAll();
  for (const room of rooms) {
    const name = names[room.id];
    if (name) await Room.update({ name }, { where: { id: room.id } });
//                  ^^^^^^^^^^^ n-plus-one
  }
}

async function devicesOf(roomIds) {
  return Device.findAll({ where: { room_id: roomIds } });
}

module.exports = { renameRooms, devicesOf };
