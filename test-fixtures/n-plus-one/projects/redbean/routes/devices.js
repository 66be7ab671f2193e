const { R } = require('../db');
const Device = require('../model/device');

async function saveDeviceGroup(groupID, devices) {
  await R.exec('DELETE FROM device_group WHERE group_id = ?', [groupID]);
  for (const device of devices) {
    const bean = R.dispense('device_group');
    bean.group_id = groupID;
    bean.device_id = device.id;
    await R.store(bean);
//        ^^^^^^^ n-plus-one
  }
}

function listen(socket) {
  socket.on('attachDevices', async (groupID, devices, callback) => {
    for await (const device of devices) {
      const bean = R.dispense('device_group');
      bean.import({ group_id: groupID, device_id: device.id });
      await R.store(bean);
//          ^^^^^^^ n-plus-one
    }
    callback({ ok: true });
  });
}

async function latestReadings(deviceIDs) {
  const result = {};
  for (const deviceID of deviceIDs) {
    result[deviceID] = await R.findOne('reading', ' device_id = ? ORDER BY time DESC ', [deviceID]);
//                           ^^^^^^^^^ n-plus-one
  }
  return result;
}

async function importReadings(readingStream) {
  for await (const reading of readingStream) {
    const bean = R.dispense('reading');
    bean.import(reading);
    await R.store(bean);
  }
}

async function mutedFlags(devices) {
  return Promise.all(devices.map((device) => Device.isMuted(device.id)));
//                                           ^^^^^^^^^^^^^^ n-plus-one
}

async function purge(ids) {
  for (const id of ids) {
    await R.knex('reading').where('device_id', id).del();
//        ^^^^^^ n-plus-one
  }
}

async function renameAll(names) {
  const trx = await R.begin();
  for (const [id, name] of names) {
    await trx.exec('UPDATE device SET name = ? WHERE id = ?', [name, id]);
//        ^^^^^^^^ n-plus-one
  }
  await trx.commit();
}

function labels(devices) {
  return devices.map((device) => {
    const bean = R.dispense('label');
    bean.text = Device.displayName(device);
    bean.created = R.isoDateTime();
    return bean;
  });
}

module.exports = { saveDeviceGroup, listen, latestReadings, importReadings, mutedFlags, purge, renameAll, labels };
