const { Ledger } = require('./ledger');

async function statements(accounts) {
  const ledger = Ledger.open('main');
  const result = [];
  for (const account of accounts) {
    result.push(await ledger.entries(account));
    //                ^^^^^^^^^^^^^^ n-plus-one
  }
  return result;
}

module.exports = { statements };
