const db = require('../../models');

/**
 * Stores the parameters a device reports, one row per name.
 * @param {string} deviceId
 * @param {Array<{ name: string, value: string }>} params
 */
async function saveParams(deviceId, params) {
  for (const param of params) {
    const existing = await db.DeviceParam.findOne({ where: { device_id: deviceId, name: param.name } });
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (existing) await existing.update({ value: param.value });
//                      ^^^^^^^^^^^^^^^ n-plus-one
    else await db.DeviceParam.create({ device_id: deviceId, name: param.name, value: param.value });
  }
}

module.exports = { saveParams };
