// A query in the case of one literal value of the item itself runs for that item only, once in a list of distinct keys.
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function publicSettings(labels) {
  const settings = {};
  for (const label of labels) {
    const row = await prisma.setting.findFirst({ where: { label } });
//                    ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    switch (label) {
      case 'site_title':
        settings[label] = (await prisma.translation.findFirst({ where: { key: label } }))?.text ?? row?.value;
        break;
      default:
        settings[label] = row?.value ?? null;
    }
  }
  return settings;
}

async function ownersOfContacts(contacts) {
  const owners = [];
  for (const { kind, address } of contacts) {
    switch (kind) {
      case 'email':
        owners.push(await prisma.user.findFirst({ where: { email: address } }));
//                        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        break;
      default:
        owners.push(null);
    }
  }
  return owners;
}

module.exports = { publicSettings, ownersOfContacts };
