// valid
const db = require('../../models');

// The layout is a constant list of three keys, not a registry's model.
const Layout = { rows: 3 };

async function roomLayout(roomId) {
  const devices = await db.Device.findAll({ where: { room_id: roomId } });
  return devices.map((device) => ({ id: device.id, rows: Layout.rows }));
}

module.exports = { roomLayout };
