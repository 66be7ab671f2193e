// valid
// Keeps the accounts whose alerts are polled in memory, and polls them on a timer.
const alertsApi = require('../bookings-api');

let state = { accounts: [], timer: null };

function startPolling() {
  if (state.timer) return;
  state = { ...state, timer: setInterval(pollAll, 30000) };
}

const watchAccount = async (account) => {
  if (!account || !account.alertToken) return false;
  state = { ...state, accounts: [...state.accounts.filter((known) => known.id !== account.id), account] };
  startPolling();
  return true;
};

const refreshAccount = async (account) => {
  const alerts = await alertsApi.get(`/alerts?token=${account.alertToken}`);
  return alerts.length;
};

async function pollAll() {
  for (const account of state.accounts) console.log(account.id);
}

module.exports = { watchAccount, refreshAccount, startPolling };
